package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.browser.Contrast.Rgba;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContrastTest {

  private static final Rgba WHITE = new Rgba(255, 255, 255, 1);

  @Test
  void blackOnWhiteIsTwentyOneToOne() {
    assertEquals(21.0, Contrast.ratio(Rgba.parse("rgb(0, 0, 0)"), WHITE), 1e-9);
  }

  @Test
  void knownGreyIsJustAboveTheAaThreshold() {
    // #767676 is the classic lightest grey that passes 4.5:1 on white.
    assertEquals(4.54, Contrast.ratio(Rgba.parse("rgb(118, 118, 118)"), WHITE), 0.01);
  }

  @Test
  void ratioIsSymmetric() {
    Rgba a = Rgba.parse("rgb(11, 87, 208)");
    assertEquals(Contrast.ratio(a, WHITE), Contrast.ratio(WHITE, a), 1e-12);
  }

  @Test
  void parsesAlphaInBothSyntaxes() {
    assertEquals(0.5, Rgba.parse("rgba(1, 2, 3, 0.5)").a());
    assertEquals(0.25, Rgba.parse("rgb(1 2 3 / 25%)").a());
    assertThrows(IllegalArgumentException.class, () -> Rgba.parse("#fff"));
  }

  @Test
  void transparentLayersShowWhatIsBelow() {
    Rgba seen = Contrast.effectiveBackground(List.of("rgba(0, 0, 0, 0)", "rgb(13, 17, 23)"), WHITE);
    assertEquals(new Rgba(13, 17, 23, 1), seen);
    Rgba half = Contrast.effectiveBackground(List.of("rgba(0, 0, 0, 0.5)"), WHITE);
    assertEquals(127.5, half.r(), 1e-9);
  }
}
