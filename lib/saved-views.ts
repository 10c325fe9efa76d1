import { unstorableText } from "./storable-text";

/** The lists whose filters and sort can be saved as a view, as the schema's enum stores them. */
export const SAVED_VIEW_LISTS = ["risk", "customers", "tasks", "delight", "advocates", "journey"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/**
 * Each list's page and the URL parameters its page reads as filters and sort (its search-params
 * reader beside the page). Page numbers are left out on purpose: a view opens on its first page.
 */
export const SAVED_VIEW_LIST_INFO: Record<SavedViewList, { path: string; label: string; params: readonly string[] }> = {
  risk: { path: "/risk", label: "Risk", params: ["view", "owner", "stage", "plan", "minMrr", "sort", "dir"] },
  customers: {
    path: "/customers",
    label: "Customers",
    params: ["q", "owner", "stage", "status", "plan", "balanceBelow", "sort", "dir"],
  },
  tasks: { path: "/tasks", label: "My day", params: ["assignee", "priority", "source"] },
  delight: { path: "/delight", label: "Delight queue", params: ["queue", "q"] },
  advocates: { path: "/advocates", label: "Advocates", params: ["role", "status", "q"] },
  journey: { path: "/journey", label: "Journey", params: ["model", "owner", "plan", "cohort", "status", "stage"] },
};

export const VIEW_NAME_MAX = 60;
/** The longest value a list's reader accepts (a search box's 200 characters). */
const VALUE_MAX = 200;

/**
 * The part of a query string a view keeps for its list: only the list's own parameters, in the
 * list's order, the first value of each, without empty, overlong or unstorable values. The same
 * query in another order or with extra parameters gives the same text, so a URL can be matched to
 * the view it shows.
 */
export function viewQuery(list: SavedViewList, query: string | URLSearchParams): string {
  const given = typeof query === "string" ? new URLSearchParams(query.replace(/^\?/, "")) : query;
  const kept = new URLSearchParams();
  for (const name of SAVED_VIEW_LIST_INFO[list].params) {
    const value = given.get(name)?.trim();
    if (value && value.length <= VALUE_MAX && unstorableText(value) === null) kept.set(name, value);
  }
  return kept.toString();
}

/** Where a view opens: its list's page with its query. */
export function viewHref(view: { list: SavedViewList; query: string }): string {
  const { path } = SAVED_VIEW_LIST_INFO[view.list];
  return view.query ? `${path}?${view.query}` : path;
}

/** Whether the page at `pathname` with `search` shows exactly this view's filters and sort (any page of it). */
export function showsView(
  view: { list: SavedViewList; query: string },
  pathname: string,
  search: string | URLSearchParams,
): boolean {
  return pathname === SAVED_VIEW_LIST_INFO[view.list].path && viewQuery(view.list, search) === view.query;
}
