package io.github.gradproof.browser;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu Html Checker run in-process and offline: its HTML schema and checkers ship inside the
 * {@code nu.validator:validator} jar, and no document it checks loads anything from the network.
 */
public final class NuHtmlChecker {

  /** One message of the checker, located in the checked file. */
  public record Message(boolean error, int line, int column, String text) {
    @Override
    public String toString() {
      return line + ":" + column + ": " + (error ? "error" : "warning") + ": " + text;
    }
  }

  private final SimpleDocumentValidator validator;
  private final List<Message> messages = new ArrayList<>();

  /** Loads the HTML schema (the same one as the checker's command line). */
  public NuHtmlChecker() throws Exception {
    // log4j quiet, no URL logging, language detection on (a wrong lang attribute is a warning).
    validator = new SimpleDocumentValidator(true, false, true);
    ErrorHandler handler = new Collector();
    validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, handler);
    validator.setUpValidatorAndParsers(handler, true, false);
  }

  /** Checks one HTML file (UTF-8) and returns every error and warning, in document order. */
  public synchronized List<Message> checkHtml(File file) throws Exception {
    messages.clear();
    validator.checkHtmlFile(file, true);
    return List.copyOf(messages);
  }

  /** Checks one CSS file, as the checker's {@code --css} option does. */
  public synchronized List<Message> checkCss(File file) throws Exception {
    messages.clear();
    validator.checkCssFile(file, true);
    return List.copyOf(messages);
  }

  private final class Collector implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      messages.add(new Message(false, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
    }

    @Override
    public void error(SAXParseException e) {
      messages.add(new Message(true, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
    }

    @Override
    public void fatalError(SAXParseException e) {
      error(e);
    }
  }
}
