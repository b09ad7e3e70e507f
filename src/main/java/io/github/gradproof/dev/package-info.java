/**
 * The author's workflow around the build: the live preview server ({@code site:serve}) and its
 * file watcher, and the scaffolder of new phase files ({@code site:new}). It drives the build
 * through {@link io.github.gradproof.site.SiteGenerator} like any other client.
 */
package io.github.gradproof.dev;
