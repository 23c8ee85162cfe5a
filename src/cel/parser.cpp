#include "cel/parser.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "cel/lexer.hpp"
#include "text/utf8.hpp"

namespace ppsaudit::cel {

namespace {

// Thrown inside the parser only, and caught in parse(): the first error stops parsing.
struct ParseFailure {
  CompileError error;
};

constexpr std::string_view k_reserved[] = {"as",        "break",  "const",  "continue", "else", "for",
                                           "function",  "if",     "import", "let",      "loop", "package",
                                           "namespace", "return", "var",    "void",     "while"};

class Parser {
 public:
  Parser(std::vector<Token> tokens, const ParseLimits& limits) : m_tokens(std::move(tokens)), m_limits(limits) {}

  ExprPtr run() {
    ExprPtr expr = expression();
    if (current().kind != TokenKind::end) {
      fail(current().offset, "unexpected " + describe(current()));
    }
    return expr;
  }

 private:
  [[noreturn]] static void fail(std::size_t offset, std::string message) {
    throw ParseFailure{CompileError{std::move(message), offset}};
  }

  const Token& current() const { return m_tokens[m_pos]; }

  static std::string describe(const Token& token) {
    if (token.kind == TokenKind::end) {
      return "end of expression";
    }
    return "'" + std::string(token.text) + "'";
  }

  bool is_punct(std::string_view text) const { return current().kind == TokenKind::punct && current().text == text; }

  bool accept(std::string_view text) {
    if (is_punct(text)) {
      advance();
      return true;
    }
    return false;
  }

  void expect(std::string_view text) {
    if (current().kind == TokenKind::error) {
      fail(current().offset, current().string_value);
    }
    if (!accept(text)) {
      fail(current().offset, "expected '" + std::string(text) + "' but found " + describe(current()));
    }
  }

  void advance() {
    if (m_pos + 1 < m_tokens.size()) {
      ++m_pos;
    }
  }

  ExprPtr node(ExprKind kind, std::size_t offset) {
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->offset = offset;
    return expr;
  }

  // Fixes the height of a finished node and enforces the limit.
  ExprPtr finish(ExprPtr expr) {
    int height = 0;
    if (expr->operand) {
      height = expr->operand->depth;
    }
    for (const auto& arg : expr->args) {
      height = std::max(height, arg->depth);
    }
    expr->depth = height + 1;
    if (expr->depth > m_limits.max_height) {
      fail(expr->offset,
           "expression is too deeply nested (more than " + std::to_string(m_limits.max_height) + " levels)");
    }
    return expr;
  }

  ExprPtr call(std::string function, std::size_t offset, std::vector<ExprPtr> args, ExprPtr target = nullptr) {
    auto expr = node(ExprKind::call, offset);
    expr->name = std::move(function);
    expr->args = std::move(args);
    expr->operand = std::move(target);
    return finish(std::move(expr));
  }

  ExprPtr binary(std::string function, std::size_t offset, ExprPtr left, ExprPtr right) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(left));
    args.push_back(std::move(right));
    return call(std::move(function), offset, std::move(args));
  }

  // Nesting is counted where the grammar recurses (every bracket, brace, parenthesis and
  // argument goes through expression(); prefix operators through unary()), so 100000 '('
  // fail cleanly.
  struct NestingGuard {
    Parser& parser;
    NestingGuard(Parser& p, std::size_t offset) : parser(p) {
      if (++parser.m_nesting > parser.m_limits.max_nesting) {
        fail(offset,
             "expression is too deeply nested (more than " + std::to_string(parser.m_limits.max_nesting) + " levels)");
      }
    }
    ~NestingGuard() { --parser.m_nesting; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;
  };

  ExprPtr expression() {
    const NestingGuard guard(*this, current().offset);
    ExprPtr condition = logical_or();
    if (is_punct("?")) {
      const std::size_t offset = current().offset;
      advance();
      ExprPtr when_true = logical_or();
      expect(":");
      ExprPtr when_false = expression();
      std::vector<ExprPtr> args;
      args.push_back(std::move(condition));
      args.push_back(std::move(when_true));
      args.push_back(std::move(when_false));
      return call("_?_:_", offset, std::move(args));
    }
    return condition;
  }

  ExprPtr logical_or() {
    ExprPtr left = logical_and();
    while (is_punct("||")) {
      const std::size_t offset = current().offset;
      advance();
      left = binary("_||_", offset, std::move(left), logical_and());
    }
    return left;
  }

  ExprPtr logical_and() {
    ExprPtr left = relation();
    while (is_punct("&&")) {
      const std::size_t offset = current().offset;
      advance();
      left = binary("_&&_", offset, std::move(left), relation());
    }
    return left;
  }

  ExprPtr relation() {
    ExprPtr left = addition();
    while (true) {
      static constexpr std::pair<std::string_view, std::string_view> k_ops[] = {
          {"<", "_<_"}, {"<=", "_<=_"}, {">", "_>_"}, {">=", "_>=_"}, {"==", "_==_"}, {"!=", "_!=_"}};
      std::string function;
      for (const auto& [op, name] : k_ops) {
        if (is_punct(op)) {
          function = name;
        }
      }
      if (function.empty() && current().kind == TokenKind::ident && current().text == "in") {
        function = "@in";
      }
      if (function.empty()) {
        return left;
      }
      const std::size_t offset = current().offset;
      advance();
      left = binary(function, offset, std::move(left), addition());
    }
  }

  ExprPtr addition() {
    ExprPtr left = multiplication();
    while (is_punct("+") || is_punct("-")) {
      const std::string function = is_punct("+") ? "_+_" : "_-_";
      const std::size_t offset = current().offset;
      advance();
      left = binary(function, offset, std::move(left), multiplication());
    }
    return left;
  }

  ExprPtr multiplication() {
    ExprPtr left = unary();
    while (is_punct("*") || is_punct("/") || is_punct("%")) {
      const std::string function = is_punct("*") ? "_*_" : is_punct("/") ? "_/_" : "_%_";
      const std::size_t offset = current().offset;
      advance();
      left = binary(function, offset, std::move(left), unary());
    }
    return left;
  }

  ExprPtr unary() {
    if (is_punct("!") || is_punct("-")) {
      const bool negate = is_punct("-");
      const std::size_t offset = current().offset;
      advance();
      if (negate && (current().kind == TokenKind::int_literal || current().kind == TokenKind::double_literal)) {
        // Fold the sign into the literal, so that -9223372036854775808 is an int.
        ExprPtr literal = member(primary(true));
        literal->offset = std::min(literal->offset, offset);
        return literal;
      }
      const NestingGuard guard(*this, offset);
      std::vector<ExprPtr> args;
      args.push_back(unary());
      return call(negate ? "-_" : "!_", offset, std::move(args));
    }
    return member(primary(false));
  }

  ExprPtr member(ExprPtr operand) {
    while (true) {
      if (is_punct(".")) {
        advance();
        const Token& name = current();
        if (name.kind == TokenKind::quoted_ident) {
          auto select = node(ExprKind::select, name.offset);
          select->name = name.string_value;
          select->operand = std::move(operand);
          advance();
          operand = finish(std::move(select));
          continue;
        }
        if (name.kind != TokenKind::ident) {
          fail(name.offset, "expected a field name after '.' but found " + describe(name));
        }
        const std::string field(name.text);
        const std::size_t offset = name.offset;
        advance();
        if (is_punct("(")) {
          operand = receiver_call(field, offset, std::move(operand));
        } else {
          auto select = node(ExprKind::select, offset);
          select->name = field;
          select->operand = std::move(operand);
          operand = finish(std::move(select));
        }
      } else if (is_punct("[")) {
        const std::size_t offset = current().offset;
        advance();
        ExprPtr index = expression();
        expect("]");
        operand = binary("_[_]", offset, std::move(operand), std::move(index));
      } else {
        return operand;
      }
    }
  }

  std::vector<ExprPtr> arguments(std::string_view close) {
    std::vector<ExprPtr> args;
    if (accept(close)) {
      return args;
    }
    while (true) {
      args.push_back(expression());
      if (accept(close)) {
        return args;
      }
      expect(",");
      if (accept(close)) {  // trailing comma
        return args;
      }
    }
  }

  ExprPtr receiver_call(const std::string& function, std::size_t offset, ExprPtr target) {
    expect("(");
    std::vector<ExprPtr> args = arguments(")");
    static constexpr std::pair<std::string_view, MacroKind> k_macros[] = {{"all", MacroKind::all},
                                                                          {"exists", MacroKind::exists},
                                                                          {"exists_one", MacroKind::exists_one},
                                                                          {"map", MacroKind::map},
                                                                          {"filter", MacroKind::filter}};
    for (const auto& [name, macro] : k_macros) {
      const bool arity_ok = args.size() == 2 || (macro == MacroKind::map && args.size() == 3);
      if (function == name && arity_ok) {
        if (args[0]->kind != ExprKind::ident) {
          fail(args[0]->offset, "the first argument of " + function + "() must be a simple variable name");
        }
        auto comprehension = node(ExprKind::comprehension, offset);
        comprehension->macro = macro;
        comprehension->name = args[0]->name;
        comprehension->operand = std::move(target);
        for (std::size_t i = 1; i < args.size(); ++i) {
          comprehension->args.push_back(std::move(args[i]));
        }
        return finish(std::move(comprehension));
      }
    }
    return call(function, offset, std::move(args), std::move(target));
  }

  ExprPtr primary(bool negated) {
    const Token& token = current();
    const std::size_t offset = token.offset;
    switch (token.kind) {
      case TokenKind::error:
        fail(offset, token.string_value);
      case TokenKind::end:
        fail(offset, "unexpected end of expression");
      case TokenKind::int_literal: {
        auto literal = node(ExprKind::literal, offset);
        if (negated) {
          literal->literal = Value::integer(
              token.int_value == 9223372036854775808ULL ? INT64_MIN : -static_cast<std::int64_t>(token.int_value));
        } else if (token.int_value > static_cast<std::uint64_t>(INT64_MAX)) {
          fail(offset, "integer literal '" + std::string(token.text) + "' is out of range");
        } else {
          literal->literal = Value::integer(static_cast<std::int64_t>(token.int_value));
        }
        advance();
        return finish(std::move(literal));
      }
      case TokenKind::double_literal: {
        auto literal = node(ExprKind::literal, offset);
        literal->literal = Value::floating(negated ? -token.double_value : token.double_value);
        advance();
        return finish(std::move(literal));
      }
      case TokenKind::string_literal: {
        auto literal = node(ExprKind::literal, offset);
        literal->literal = Value::string(token.string_value);
        advance();
        return finish(std::move(literal));
      }
      case TokenKind::quoted_ident:
        fail(offset, "a quoted name can only follow '.'");
      case TokenKind::ident:
        return identifier();
      case TokenKind::punct:
        break;
    }
    if (accept("(")) {
      ExprPtr inner = expression();
      expect(")");
      return inner;
    }
    if (accept("[")) {
      auto list = node(ExprKind::list, offset);
      list->args = arguments("]");
      return finish(std::move(list));
    }
    if (accept("{")) {
      return map_literal(offset);
    }
    if (accept(".")) {
      if (current().kind != TokenKind::ident) {
        fail(current().offset, "expected a name after '.' but found " + describe(current()));
      }
      return identifier();
    }
    fail(offset, "unexpected " + describe(token));
  }

  ExprPtr identifier() {
    const Token& token = current();
    const std::size_t offset = token.offset;
    const std::string name(token.text);
    advance();
    if (name == "true" || name == "false") {
      auto literal = node(ExprKind::literal, offset);
      literal->literal = Value::boolean(name == "true");
      return finish(std::move(literal));
    }
    if (name == "null") {
      auto literal = node(ExprKind::literal, offset);
      literal->literal = Value::null();
      return finish(std::move(literal));
    }
    if (name == "in" || std::find(std::begin(k_reserved), std::end(k_reserved), name) != std::end(k_reserved)) {
      fail(offset, "reserved word '" + name + "' cannot be used as a name");
    }
    if (is_punct("(")) {
      advance();
      std::vector<ExprPtr> args = arguments(")");
      if (name == "has") {
        if (args.size() != 1 || args[0]->kind != ExprKind::select) {
          fail(offset, "has() needs a field selection such as has(policy.owner)");
        }
        ExprPtr select = std::move(args[0]);
        select->test_only = true;
        return select;
      }
      return call(name, offset, std::move(args));
    }
    if (is_punct("{")) {
      fail(current().offset, "building messages ('" + name + "{...}') is not supported");
    }
    auto ident = node(ExprKind::ident, offset);
    ident->name = name;
    return finish(std::move(ident));
  }

  ExprPtr map_literal(std::size_t offset) {
    auto map = node(ExprKind::map, offset);
    if (accept("}")) {
      return finish(std::move(map));
    }
    while (true) {
      map->args.push_back(expression());
      expect(":");
      map->args.push_back(expression());
      if (accept("}")) {
        break;
      }
      expect(",");
      if (accept("}")) {
        break;
      }
    }
    return finish(std::move(map));
  }

  std::vector<Token> m_tokens;
  const ParseLimits& m_limits;
  std::size_t m_pos = 0;
  int m_nesting = 0;
};

}  // namespace

std::variant<ExprPtr, CompileError> parse(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_length) {
    return CompileError{"expression is too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                            std::to_string(limits.max_length) + ")",
                        0};
  }
  // A rule pack's text is UTF-8 by the time it gets here; a command line need not be, and a
  // string literal must not carry bytes that are not characters into a value.
  if (const auto bad = text::first_invalid_utf8(text); bad != std::string_view::npos) {
    return CompileError{fmt::format("invalid UTF-8 (byte 0x{:02x}): an expression is UTF-8 text",
                                    static_cast<unsigned char>(text[bad])),
                        bad};
  }
  try {
    return Parser(tokenize(text), limits).run();
  } catch (const ParseFailure& failure) {
    return failure.error;
  }
}

}  // namespace ppsaudit::cel
