package io.github.gradproof.claim;

/**
 * One token of a claim line.
 *
 * @param type what kind of token
 * @param text the characters as written
 * @param offset 0-based index of the first character in the line
 */
record Token(TokenType type, String text, int offset) {

  /** How the token reads in an error message: quoted text, or "end of line". */
  public String describe() {
    return type == TokenType.EOF ? "end of line" : "'" + text + "'";
  }
}
