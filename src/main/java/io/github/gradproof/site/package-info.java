/** The build pipeline: configuration, orchestration, link checking and safe publishing. */
package io.github.gradproof.site;
