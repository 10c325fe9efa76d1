"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import {
  type CustomerAction,
  PALETTE_MIN_SEARCH,
  type PaletteCustomer,
  type PaletteGroup,
  type PaletteLink,
  type PaletteOption,
  paletteOptions,
  readPaletteInput,
} from "@/lib/command-palette";

const SEARCH_DELAY_MS = 200;
const GROUPS: PaletteGroup[] = ["Pages", "Customers", "Actions"];
const GROUP_KEYS = { Pages: "pages", Customers: "customers", Actions: "actions" } as const;

type CustomerSearch = { term: string; status: "done" | "failed"; customers: PaletteCustomer[] };

const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);
const noSubscription = () => () => {};

/** The customers matching `term`, asked of the server a moment after typing stops; each new term cancels the last. */
function useCustomerSearch(term: string, enabled: boolean): { search: CustomerSearch | null; loading: boolean } {
  const [search, setSearch] = useState<CustomerSearch | null>(null);
  const wanted = enabled && term.length >= PALETTE_MIN_SEARCH;
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/search/customers?q=${encodeURIComponent(term)}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { customers: PaletteCustomer[] };
        setSearch({ term, status: "done", customers: body.customers });
      } catch {
        if (!controller.signal.aborted) setSearch({ term, status: "failed", customers: [] });
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term, wanted]);
  const current = wanted && search?.term === term ? search : null;
  return { search: current, loading: wanted && current === null };
}

/**
 * ⌘K / Ctrl+K (or the header's Search button): a modal dialog to jump to a page, a customer by
 * name, email or company, or an action — "Log interaction for …", "New task for …" — where the
 * role allows it. A combobox over a listbox: arrows move, Enter opens, Escape closes and focus
 * goes back where it was.
 */
export function CommandPalette({
  pages,
  actions,
  customerActions,
}: {
  pages: PaletteLink[];
  actions: PaletteLink[];
  customerActions: CustomerAction[];
}) {
  const t = useTranslations("common.palette");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState("");
  const [active, setActive] = useState(0);
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);
  const id = useId();
  const phrases = { task: t("typed.task"), interaction: t("typed.interaction") };
  const { term } = readPaletteInput(input, phrases);
  const { search, loading } = useCustomerSearch(term, open);
  const options = paletteOptions({
    input,
    pages,
    actions,
    customers: search?.customers ?? [],
    customerActions,
    actionLabels: {
      interaction: (name) => t("logInteractionFor", { name }),
      task: (name) => t("newTaskFor", { name }),
    },
    phrases,
  });
  const current = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  const show = useCallback(() => {
    if (!dialog.current || dialog.current.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setInput("");
    setActive(0);
    setOpen(true);
    dialog.current.showModal();
  }, []);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        show();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [show]);

  useEffect(() => {
    if (open && current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
  });

  function onClose() {
    setOpen(false);
    opener.current?.focus();
  }

  function go(option: PaletteOption | undefined) {
    if (!option) return;
    dialog.current?.close();
    router.push(option.href);
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(options[current]);
    }
  }

  const status = loading
    ? t("searching")
    : search?.status === "failed"
      ? t("searchFailed")
      : options.length === 0 && input.trim()
        ? t("nothingMatches", { input: input.trim() })
        : search && search.customers.length === 0
          ? t("noCustomerMatches", { term })
          : "";

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-500 hover:bg-slate-50"
      >
        {t("open")}
        <kbd className="rounded border border-slate-200 bg-slate-50 px-1.5 font-sans text-xs text-slate-500">
          {apple ? t("shortcutApple") : t("shortcutOther")}
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onClose={onClose}
        className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="sr-only">
          {t("title")}
        </h2>
        <div className="flex max-h-[70vh] flex-col">
          <input
            type="text"
            role="combobox"
            aria-label={t("inputLabel")}
            aria-expanded={options.length > 0}
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={current >= 0 ? optionId(current) : undefined}
            placeholder={t("placeholder")}
            value={input}
            onChange={(event) => {
              setInput(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKeyDown}
            className="w-full border-b border-slate-200 px-4 py-3 text-base outline-none"
          />
          <p role="status" className="px-4 pt-2 text-sm text-slate-600 empty:hidden">
            {status}
          </p>
          <ul id={`${id}-listbox`} role="listbox" aria-label={t("results")} className="overflow-y-auto p-2">
            {GROUPS.map((group) => {
              const inGroup = options.flatMap((option, index) => (option.group === group ? [{ option, index }] : []));
              if (inGroup.length === 0) return null;
              return (
                <li key={group} role="presentation">
                  <p aria-hidden="true" className="px-2 pb-1 pt-2 text-xs font-semibold uppercase text-slate-500">
                    {t(`groups.${GROUP_KEYS[group]}`)}
                  </p>
                  <ul role="group" aria-label={t(`groups.${GROUP_KEYS[group]}`)}>
                    {inGroup.map(({ option, index }) => (
                      <li
                        key={option.key}
                        id={optionId(index)}
                        role="option"
                        aria-selected={index === current}
                        onMouseMove={() => index !== current && setActive(index)}
                        onClick={() => go(option)}
                        className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm ${
                          index === current ? "bg-brand-100 text-brand-900" : "text-slate-800"
                        }`}
                      >
                        <span className="font-medium">{option.label}</span>
                        {option.detail ? (
                          <span className="truncate text-xs text-slate-500">{option.detail}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500">{t("help", phrases)}</p>
        </div>
      </dialog>
    </>
  );
}
