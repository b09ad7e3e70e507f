package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public reader of einsum subscripts, which the claim language's static check shares with the engine. */
class EinsumParserTest {

  @Test
  void termsAreSplitWithTheEllipsisMarkedAndSpacesIgnored() {
    EinsumParser.Terms t = EinsumParser.parse(" ...ij , ...jk -> ...ik", 2);
    assertEquals(List.of(".ij", ".jk"), t.inputs());
    assertEquals(".ik", t.output());
    assertEquals(".ik", t.outputOrImplicit());
    assertEquals("...ik", EinsumParser.display(t.output()));
  }

  @Test
  void theImplicitOutputIsTheEllipsisThenTheLettersUsedOnceInCodeOrder() {
    assertNull(EinsumParser.parse("ij,jk", 2).output());
    assertEquals("ik", EinsumParser.parse("ij,jk", 2).outputOrImplicit());
    assertEquals("ab", EinsumParser.parse("ba", 1).outputOrImplicit());
    assertEquals("", EinsumParser.parse("ii", 1).outputOrImplicit());
    assertEquals("Ba", EinsumParser.parse("aB", 1).outputOrImplicit());
    assertEquals(".k", EinsumParser.parse("...j,jk", 2).outputOrImplicit());
  }

  @Test
  void aMalformedStringIsADomainErrorWhoseMessageStartsWithThePrefix() {
    ShapeException e = assertThrows(ShapeException.class, () -> EinsumParser.parse("ij->i->j", 1));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals(EinsumParser.PREFIX + "the subscripts 'ij->i->j' contain more than one '->'", e.getMessage());
    assertEquals("einsum: the subscripts 'i,j' name 2 operands but 3 are given",
        assertThrows(ShapeException.class, () -> EinsumParser.parse("i,j", 3)).getMessage());
    assertEquals("einsum: the subscripts of operand 0 ('...i...') contain more than one '...'",
        assertThrows(ShapeException.class, () -> EinsumParser.parse("...i...", 1)).getMessage());
  }
}
