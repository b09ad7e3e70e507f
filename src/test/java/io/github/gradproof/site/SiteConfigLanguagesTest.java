package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page languages of a configuration: codes, in order, each once. */
class SiteConfigLanguagesTest {

  private static SiteConfig config(List<String> languages) {
    Path base = Path.of("/tmp/gradproof-languages-test");
    return new SiteConfig(base, Path.of("data"), Path.of("templates"), Path.of("site"), languages);
  }

  @Test
  void aLanguageNamedTwiceIsRefused() {
    String message = assertThrows(IllegalArgumentException.class, () -> config(List.of("es", "en", "es"))).getMessage();
    assertTrue(message.contains("name a language twice") && message.contains("es,en,es"), message);
  }

  @Test
  void distinctLanguagesKeepTheirOrder() {
    assertEquals(List.of("es", "en"), config(SiteConfig.parseLanguages(" es, en ,")).languages());
  }

  @Test
  void aCodeThatIsNotALanguageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> config(List.of("english")));
  }
}
