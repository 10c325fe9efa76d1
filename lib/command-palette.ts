/** What the command palette offers: pages and actions it knows, customers the server found for what was typed. */

export type PaletteLink = { label: string; href: string };
export type PaletteCustomer = { id: number; name: string; company: string | null; email: string | null };
export type CustomerAction = "interaction" | "task";
export type PaletteGroup = "Pages" | "Customers" | "Actions";
export type PaletteOption = { key: string; group: PaletteGroup; label: string; detail?: string; href: string };

/** Customers searched from this many characters on (fewer match half the book). */
export const PALETTE_MIN_SEARCH = 2;
/** Matched customers offered with their actions when no action was typed. */
const CUSTOMERS_WITH_ACTIONS = 3;

/** Where each customer action lands: the form on the customer's page, opened. */
export const CUSTOMER_ACTIONS: Record<CustomerAction, { href: (id: number) => string }> = {
  interaction: { href: (id) => `/customers/${id}?add=interaction#log-interaction` },
  task: { href: (id) => `/customers/${id}?add=task#new-task` },
};

/** Each customer action's words in the reader's language: "New task for Acme Corp". */
export type CustomerActionLabels = Record<CustomerAction, (name: string) => string>;

/** What a reader may type before a name to ask for an action, in their language ("neue Aufgabe für"). */
export type TypedActionPhrases = Partial<Record<CustomerAction, string>>;

// The English commands work in every language; the reader's own phrases are tried first.
const TYPED_ACTIONS: { action: CustomerAction; pattern: RegExp }[] = [
  { action: "task", pattern: /^(?:new\s+task(?:\s+for)?|task\s+for)\s+/i },
  { action: "interaction", pattern: /^(?:log\s+(?:an\s+)?interaction(?:\s+for)?|log\s+for)\s+/i },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A typed phrase as a pattern: its words apart by any spaces, then a space (none needed after Chinese). */
function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  const after = /\p{Script=Han}$/u.test(phrase.trim()) ? "\\s*" : "\\s+";
  return new RegExp(`^${words}${after}`, "iu");
}

/** "new task for acme" → the task action and "acme"; anything else is a search term as typed. */
export function readPaletteInput(
  input: string,
  phrases: TypedActionPhrases = {},
): { action: CustomerAction | null; term: string } {
  const text = input.trim();
  const own = (Object.entries(phrases) as [CustomerAction, string | undefined][]).flatMap(([action, phrase]) =>
    phrase?.trim() ? [{ action, pattern: phrasePattern(phrase) }] : [],
  );
  for (const { action, pattern } of [...own, ...TYPED_ACTIONS]) {
    const rest = text.replace(pattern, "");
    if (rest !== text && rest.trim()) return { action, term: rest.trim() };
  }
  return { action: null, term: text };
}

/** Every typed word appears in the label, in any order and case. */
function labelMatches(label: string, input: string): boolean {
  const text = label.toLowerCase();
  return input
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/**
 * The options for what was typed, in the order shown: pages, customers, what to do for the first
 * customers found (or for all of them when an action was typed), then the general actions.
 */
export function paletteOptions({
  input,
  pages,
  actions,
  customers,
  customerActions,
  actionLabels,
  phrases,
}: {
  input: string;
  pages: PaletteLink[];
  actions: PaletteLink[];
  customers: PaletteCustomer[];
  customerActions: CustomerAction[];
  actionLabels: CustomerActionLabels;
  phrases?: TypedActionPhrases;
}): PaletteOption[] {
  const { action } = readPaletteInput(input, phrases);
  const allowed = action ? customerActions.filter((a) => a === action) : customerActions;
  const withActions = action ? customers : customers.slice(0, CUSTOMERS_WITH_ACTIONS);
  return [
    ...(action ? [] : pages.filter((page) => labelMatches(page.label, input))).map((page) => ({
      key: `page:${page.href}:${page.label}`,
      group: "Pages" as const,
      ...page,
    })),
    ...(action ? [] : customers).map((customer) => ({
      key: `customer:${customer.id}`,
      group: "Customers" as const,
      label: customer.name,
      detail: [customer.company, customer.email].filter(Boolean).join(" · ") || undefined,
      href: `/customers/${customer.id}`,
    })),
    ...withActions.flatMap((customer) =>
      allowed.map((which) => ({
        key: `${which}:${customer.id}`,
        group: "Actions" as const,
        label: actionLabels[which](customer.name),
        detail: customer.company ?? undefined,
        href: CUSTOMER_ACTIONS[which].href(customer.id),
      })),
    ),
    ...(action ? [] : actions.filter((a) => labelMatches(a.label, input))).map((a) => ({
      key: `action:${a.href}:${a.label}`,
      group: "Actions" as const,
      ...a,
    })),
  ];
}
