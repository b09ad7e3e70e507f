/** Maven goals: thin adapters from plugin parameters to {@link io.github.gradproof.site.SiteGenerator}. */
package io.github.gradproof.maven;
