/**
 * Maven goals: thin adapters from plugin parameters to {@link io.github.gradproof.site.SiteGenerator}
 * ({@code check}, {@code generate}) and to the author tools of {@link io.github.gradproof.dev}
 * ({@code serve}, {@code new}).
 */
package io.github.gradproof.maven;
