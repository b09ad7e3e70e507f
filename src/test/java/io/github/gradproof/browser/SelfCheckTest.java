package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The self-check in Chromium: a reader ticks choices, presses "Check" (by mouse or keyboard), and
 * reads which picks were right and, for each wrong pick, the verifier's own reason in the page's
 * language — before opening the answer.
 */
class SelfCheckTest {

  private static Browser browser;

  /** The shared browser, fetched by each test so that without Chromium every test reports itself skipped. */
  @BeforeEach
  void startBrowser() {
    TestSite.root();
    browser = Browser.shared();
  }


  static List<String> languages() {
    return TestSite.languages();
  }

  /** The first question whose choices are checkboxes (a multi question). */
  private WebElement multiForm() {
    return browser.driver().findElements(By.cssSelector("form.selfcheck")).stream()
        .filter(f -> !f.findElements(By.cssSelector("input[type=checkbox]")).isEmpty())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the phase page has a multi question"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void tickingAndCheckingExplainsEachPickWithTheVerifiersReason(String language) {
    browser.open(TestSite.phasePage(language));
    WebElement form = multiForm();
    WebElement button = form.findElement(By.cssSelector(".selfcheck-button"));
    assertTrue(button.isDisplayed(), "the script reveals the Check button");

    List<WebElement> items = form.findElements(By.cssSelector("li[data-choice]"));
    WebElement wrong = items.stream().filter(li -> li.getAttribute("data-correct").equals("false")).findFirst().orElseThrow();
    List<WebElement> correct = items.stream().filter(li -> li.getAttribute("data-correct").equals("true")).toList();
    correct.get(0).findElement(By.tagName("label")).click();
    wrong.findElement(By.tagName("label")).click();
    button.click();

    WebElement result = form.findElement(By.cssSelector(".selfcheck-result"));
    String expected = form.getAttribute("data-msg-summary")
        .replace("{right}", "1").replace("{total}", Integer.toString(correct.size())).replace("{wrong}", "1");
    assertEquals(expected, result.getText());
    assertEquals("polite", result.getAttribute("aria-live"));

    String reason = wrong.getAttribute("data-reason");
    assertFalse(reason.isBlank(), "a wrong choice carries a reason");
    assertTrue(wrong.findElement(By.cssSelector(".selfcheck-note")).getText().endsWith(reason));
    String verdicts = browser.driver().findElement(By.id(form.findElement(By.xpath("./ancestor::section[1]"))
        .getAttribute("id"))).getAttribute("textContent");
    assertTrue(verdicts.contains(reason), "the reason is the one in the verification table: " + reason);
    if (correct.size() > 1) {
      String missed = correct.get(1).findElement(By.cssSelector(".selfcheck-note")).getText();
      assertEquals(form.getAttribute("data-msg-missed"), missed);
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void keyboardAloneTicksAndChecks(String language) {
    browser.open(TestSite.phasePage(language));
    WebElement form = multiForm();
    List<WebElement> inputs = form.findElements(By.cssSelector("li[data-correct=true] input"));
    for (WebElement input : inputs) {
      browser.js("arguments[0].focus();", input);
      input.sendKeys(Keys.SPACE);
    }
    WebElement button = form.findElement(By.cssSelector(".selfcheck-button"));
    browser.js("arguments[0].focus();", button);
    button.sendKeys(Keys.ENTER);
    assertEquals(form.getAttribute("data-msg-all"), form.findElement(By.cssSelector(".selfcheck-result")).getText());
  }

  @ParameterizedTest
  @MethodSource("languages")
  void withoutJavaScriptTheButtonStaysHiddenAndTheAnswerStillWorks(String language) throws IOException {
    var page = Jsoup.parse(Files.readString(TestSite.phasePage(language), StandardCharsets.UTF_8));
    assertFalse(page.select("form.selfcheck").isEmpty());
    page.select(".selfcheck-button").forEach(b -> assertTrue(b.hasAttr("hidden"), "hidden until the script runs"));
    page.select("form.selfcheck input").forEach(input -> assertEquals(1,
        page.select("label[for=" + input.id() + "]").size(), "every input has its label"));
    assertTrue(page.select("script:not([src])").isEmpty(), "no inline script");
  }
}
