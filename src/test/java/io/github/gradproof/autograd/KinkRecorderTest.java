package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * What a {@link KinkRecorder}'s fingerprint tells apart (found unpinned by mutation testing,
 * docs/MUTANTS.md): the three signs of relu and abs, and where one operation's record ends and the
 * next begins, for signs and for masks.
 */
class KinkRecorderTest {

  private static long signs(double... values) {
    KinkRecorder r = new KinkRecorder();
    r.signs(Tensor.vector(values));
    return r.fingerprint();
  }

  @Test
  void positiveNegativeAndZeroAreThreeBranches() {
    assertNotEquals(signs(1), signs(0), "positive and zero");
    assertNotEquals(signs(-1), signs(0), "negative and zero");
    assertNotEquals(signs(1), signs(-1), "positive and negative");
    assertEquals(signs(1e-300), signs(5), "any positive value is the same branch");
    assertEquals(signs(-1e-300), signs(-5), "any negative value is the same branch");
    assertEquals(signs(-0.0), signs(0.0), "both zeros are the kink itself");
  }

  @Test
  void twoOperationsAreNotOneOperationOnTwice() {
    KinkRecorder once = new KinkRecorder();
    once.signs(Tensor.vector(1, 1));
    KinkRecorder twice = new KinkRecorder();
    twice.signs(Tensor.vector(1));
    twice.signs(Tensor.vector(1));
    assertNotEquals(once.fingerprint(), twice.fingerprint(), "signs: each operation marks its start");
    KinkRecorder maskOnce = new KinkRecorder();
    maskOnce.mask(Tensor.vector(1, 1));
    KinkRecorder maskTwice = new KinkRecorder();
    maskTwice.mask(Tensor.vector(1));
    maskTwice.mask(Tensor.vector(1));
    assertNotEquals(maskOnce.fingerprint(), maskTwice.fingerprint(), "masks: each operation marks its start");
  }

  @Test
  void aMaskRecordsWhetherEachElementIsSet() {
    KinkRecorder a = new KinkRecorder();
    a.mask(Tensor.vector(1, 0));
    KinkRecorder b = new KinkRecorder();
    b.mask(Tensor.vector(0, 1));
    KinkRecorder c = new KinkRecorder();
    c.mask(Tensor.vector(2, 0));
    assertNotEquals(a.fingerprint(), b.fingerprint());
    assertEquals(a.fingerprint(), c.fingerprint(), "any nonzero is set");
  }

  @Test
  void theInactiveRecorderRecordsNothing() {
    long before = KinkRecorder.NONE.fingerprint();
    KinkRecorder.NONE.signs(Tensor.vector(1, -1));
    KinkRecorder.NONE.mask(Tensor.vector(1));
    KinkRecorder.NONE.branch(3);
    assertEquals(before, KinkRecorder.NONE.fingerprint());
    assertEquals(before, new KinkRecorder().fingerprint(), "a fresh recorder starts where NONE stays");
  }
}
