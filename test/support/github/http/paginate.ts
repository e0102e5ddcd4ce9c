const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

/**
 * One page of a list, like GitHub: `per_page` (default 30, at most 100) and `page`, with a
 * Link header naming the first/prev/next/last pages when there is more than one.
 */
export function paginate<T>(items: T[], requestUrl: URL): { page: T[]; link?: string } {
  const perPage = Math.min(Math.max(Number(requestUrl.searchParams.get("per_page")) || DEFAULT_PER_PAGE, 1), MAX_PER_PAGE);
  const pageNumber = Math.max(Number(requestUrl.searchParams.get("page")) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);

  const links: string[] = [];
  const linkTo = (n: number, rel: string) => {
    const url = new URL(requestUrl);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    links.push(`<${url.href}>; rel="${rel}"`);
  };
  if (pageNumber > 1) {
    linkTo(pageNumber - 1, "prev");
    linkTo(1, "first");
  }
  if (pageNumber < lastPage) {
    linkTo(pageNumber + 1, "next");
    linkTo(lastPage, "last");
  }
  return links.length > 0 ? { page, link: links.join(", ") } : { page };
}
