/** The generated pages in a real browser, the Nu Html Checker and axe-core: what readers actually meet. */
package io.github.gradproof.browser;
