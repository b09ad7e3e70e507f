package io.github.gradproof.site;

/**
 * Where a build puts the files of its site: the staging folder of {@code generate}
 * ({@link Publisher}), or, for {@code check}, nowhere but the link checker's list of the site's
 * files ({@link RenderedCheck}).
 */
interface FileSink {

  /** Takes the file at {@code relative} (forward slashes, relative to the site's root). */
  void write(String relative, byte[] content);
}
