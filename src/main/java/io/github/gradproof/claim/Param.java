package io.github.gradproof.claim;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of a {@link Function}, spelled as the library it mirrors spells it.
 *
 * @param name the parameter's name (its keyword)
 * @param type what it accepts
 * @param required whether a call must give it
 * @param defaultValue the value when omitted: {@code null} (None), a {@link Long}, {@link Double},
 *     {@link Boolean} or {@link String}; meaningless when required
 * @param keywordOnly whether it can be given only as {@code name=value}
 * @param variadic whether it collects every remaining positional argument ({@code *operands})
 * @param aliases other keywords accepted for it (another library's spelling)
 * @param choices the strings a {@link ParamType#STRING} parameter accepts; empty for any
 */
public record Param(String name, ParamType type, boolean required, Object defaultValue, boolean keywordOnly,
    boolean variadic, List<String> aliases, List<String> choices) {

  public Param {
    aliases = List.copyOf(aliases);
    choices = List.copyOf(choices);
  }

  /** Whether {@code keyword} names this parameter. */
  public boolean answersTo(String keyword) {
    return name.equals(keyword) || aliases.contains(keyword);
  }

  /** The default as Python writes it: {@code None}, {@code 0}, {@code True}, {@code 'mean'}, {@code 1e-05}. */
  public String defaultText() {
    if (defaultValue == null) {
      return "None";
    } else if (defaultValue instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (defaultValue instanceof String s) {
      return "'" + s + "'";
    } else if (defaultValue instanceof Double d) {
      return pythonFloat(d);
    }
    return defaultValue.toString();
  }

  /** A small float as Python's repr writes it: {@code 1e-05}, where Java writes {@code 1.0E-5}. */
  private static String pythonFloat(double d) {
    String written = Double.toString(d);
    int e = written.indexOf('E');
    int exponent = e < 0 ? 0 : Integer.parseInt(written.substring(e + 1));
    if (exponent >= -4) {
      return written;
    }
    String mantissa = written.substring(0, e).replaceAll("\\.0$", "");
    return mantissa + "e-" + String.format(Locale.ROOT, "%02d", -exponent);
  }

  /** The signature fragment: {@code axis=None}, {@code *operands}, {@code a}. */
  public String signature() {
    if (variadic) {
      return "*" + name;
    }
    return required ? name : name + "=" + defaultText();
  }
}
