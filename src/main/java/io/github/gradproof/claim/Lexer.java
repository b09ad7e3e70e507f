package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of the claim language into tokens, ending with {@link TokenType#EOF}. */
final class Lexer {

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  /**
   * Tokenizes a line.
   *
   * @throws ClaimSyntaxException at the first character that starts no token
   */
  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        name();
      } else if (c == '\'' || c == '"') {
        string(c);
      } else {
        operator(c);
      }
    }
    tokens.add(new Token(TokenType.EOF, "", src.length()));
  }

  /**
   * A number as Python writes it (PEP 515): digits, a fraction, an exponent, each a run of digits
   * that single underscores may group ({@code 1_000}, {@code 1_000.5}, {@code 1e1_0}, {@code 1.e5});
   * an underscore anywhere else is an error at its own column, and so are an integer's leading zeros
   * ({@code 007}; a float may have them, {@code 007.5}).
   */
  private void number() {
    int start = pos;
    digits();
    boolean integer = true;
    if (peek(0) == '.' && (!Character.isLetter(peek(1)) || exponentAt(1))) {
      pos++;
      integer = false;
      if (isDigit(peek(0))) {
        digits();
      }
    }
    if (exponentAt(0)) {
      pos += isDigit(peek(1)) ? 1 : 2;
      integer = false;
      digits();
    }
    if (integer && src.charAt(start) == '0' && src.substring(start, pos).chars().anyMatch(c -> c > '0' && c <= '9')) {
      throw new ClaimSyntaxException(start, "leading zeros in an integer are not permitted, as in Python (an integer"
          + " other than 0 starts with 1 to 9): write " + src.substring(start, pos).replace("_", "")
          .replaceFirst("^0+", ""));
    }
    if (peek(0) == '_') {
      throw misplacedUnderscore(pos);
    }
    if (Character.isLetter(peek(0))) {
      int underscore = (peek(0) == 'e' || peek(0) == 'E') ? exponentUnderscore() : -1;
      if (underscore >= 0) {
        throw misplacedUnderscore(underscore);
      }
      throw new ClaimSyntaxException(pos, "a number cannot run into a name: put an operator between them");
    }
    add(TokenType.NUMBER, start);
  }

  /** Digits, each group after the first opened by one underscore ({@code 1_000}); at least one digit. */
  private void digits() {
    while (isDigit(peek(0)) || (peek(0) == '_' && isDigit(peek(1)) && pos > 0 && isDigit(src.charAt(pos - 1)))) {
      pos++;
    }
  }

  /** Whether an exponent, {@code e} or {@code E} with an optional sign and a digit, starts {@code ahead}. */
  private boolean exponentAt(int ahead) {
    char e = peek(ahead);
    int sign = peek(ahead + 1) == '+' || peek(ahead + 1) == '-' ? 1 : 0;
    return (e == 'e' || e == 'E') && isDigit(peek(ahead + 1 + sign));
  }

  /** Where an exponent that begins with an underscore ({@code 1e_5}, {@code 1e-_5}) has it, or -1. */
  private int exponentUnderscore() {
    int after = peek(1) == '+' || peek(1) == '-' ? 2 : 1;
    return peek(after) == '_' ? pos + after : -1;
  }

  private ClaimSyntaxException misplacedUnderscore(int at) {
    return new ClaimSyntaxException(at, "an underscore in a number goes between two digits, as in Python's 1_000"
        + " or 1_000.5: not at its end, next to another underscore, '.', 'e' or a sign; remove this one");
  }

  private void name() {
    int start = pos;
    while (Character.isLetterOrDigit(peek(0)) || peek(0) == '_') {
      pos++;
    }
    add(TokenType.NAME, start);
  }

  /** A string literal in single or double quotes, without escapes (einsum subscripts, options). */
  private void string(char quote) {
    int start = pos;
    int close = src.indexOf(quote, pos + 1);
    if (close < 0) {
      throw new ClaimSyntaxException(start, "this string has no closing quote (" + quote + ")");
    }
    pos = close + 1;
    add(TokenType.STRING, start);
  }

  private void operator(char c) {
    int start = pos;
    char next = peek(1);
    TokenType type = switch (c) {
      case '+' -> TokenType.PLUS;
      case '-' -> TokenType.MINUS;
      case '*' -> next == '*' ? TokenType.POWER : TokenType.STAR;
      case '/' -> next == '/' ? TokenType.FLOOR_DIV : TokenType.SLASH;
      case '%' -> TokenType.PERCENT;
      case '@' -> TokenType.AT;
      case '&' -> TokenType.AMP;
      case '|' -> TokenType.PIPE;
      case '(' -> TokenType.LPAREN;
      case ')' -> TokenType.RPAREN;
      case '[' -> TokenType.LBRACKET;
      case ']' -> TokenType.RBRACKET;
      case ',' -> TokenType.COMMA;
      case ':' -> TokenType.COLON;
      case '.' -> next == '.' && peek(2) == '.' ? TokenType.ELLIPSIS : TokenType.DOT;
      case '~' -> TokenType.APPROX;
      case '=' -> next == '=' ? TokenType.EQ : TokenType.ASSIGN;
      case '!' -> next == '=' ? TokenType.NE : null;
      case '<' -> next == '=' ? TokenType.LE : TokenType.LT;
      case '>' -> next == '=' ? TokenType.GE : TokenType.GT;
      default -> null;
    };
    if (type == null) {
      throw new ClaimSyntaxException(start, "unexpected character '" + c + "'; " + unexpectedHint(c));
    }
    pos += type.symbol().length();
    add(type, start);
  }

  private void add(TokenType type, int start) {
    tokens.add(new Token(type, src.substring(start, pos), start));
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** What to write instead of a character the language has no use for. */
  private static String unexpectedHint(char c) {
    return switch (c) {
      case '#' -> "the language has no comments: a '#' line inside a forward block is read as code, so put notes"
          + " in the question's explanation";
      case '`' -> "backticks are Markdown, not code: write the claim without them";
      case '^' -> "powers are written **, as in Python";
      case ';' -> "write one statement per line (a forward line, or one claim)";
      case '&', '|' -> "there are no logical operators on arrays: combine 0/1 masks with * (and) or maximum (or)";
      default -> "a claim uses names, numbers, the operators + - * / // % ** @, comparisons == != < > <= >= ~,"
          + " calls, indexing and parentheses (docs/CLAIMS.md)";
    };
  }
}
