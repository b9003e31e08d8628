"""Links from the reader: `o` opens the article's web link, `y` copies it, `L` lists its body's."""

from __future__ import annotations

from newsread.tui.screens.reader.base import ReaderBase


class LinkActions(ReaderBase):
    """`o`, `y` and `L` on the article under the cursor; only http and https links ever open."""

    def _web_link(self) -> str | None:
        """The current article's own link if it is a web address; otherwise say so and give None."""
        from newsread.render.links import is_web_link

        summary = self.article_list.current
        url = summary.url.strip() if summary is not None else ""
        if not is_web_link(url):
            self.notify("This article has no web link.", severity="warning", markup=False)
            return None
        return url

    def action_open_link(self) -> None:
        """Open the article's web link in the browser."""
        url = self._web_link()
        if url is not None:
            from newsread.tui.screens.links import open_link

            open_link(self.app, url)

    def action_copy_link(self) -> None:
        """Copy the article's web link to the clipboard."""
        url = self._web_link()
        if url is not None:
            from newsread.tui.screens.links import copy_link

            copy_link(self.app, url)

    def action_show_links(self) -> None:
        """List the links inside the article."""
        # Imported on first use, like the renderer: the Markdown parser is not needed to start.
        from newsread.render.links import article_links
        from newsread.tui.screens.links import LinksScreen

        article_id = self.article_list.current_id
        if article_id is None:
            return
        with self.reporting_errors():
            article = self.library.get(article_id)
            links = article_links(article.body)
            if not links:
                self.notify("No links in this article.", markup=False)
                return
            self.app.push_screen(LinksScreen(article.title, links))
