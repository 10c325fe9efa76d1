import { chromium } from "@playwright/test";
const base = "http://localhost:3100";
const pages = ["/", "/tasks", "/journey", "/journey?model=cvj", "/journey?model=scale", "/risk", "/risk/how", "/risk/backtest", "/customers", "/customers/new", "/customers/1", "/customers/1/edit", "/delight", "/delight/new", "/delight/effect", "/advocates", "/advocates/1", "/settings", "/settings/scoring", "/settings/journey", "/settings/roles", "/settings/data", "/settings/api", "/settings/audit", "/settings/notifications", "/settings/outbox", "/settings/playbooks"];
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(base + "/login");
  await page.getByLabel("Email").fill(process.argv[2] ?? "admin@hourglass.demo");
  await page.getByLabel("Password").fill("hourglass-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-member").waitFor();
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForTimeout(800);
    const r = await page.evaluate(() => {
      const over: string[] = [];
      const vw = document.documentElement.clientWidth;
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const b = el.getBoundingClientRect();
        if (b.right > vw + 1 && b.width > 0) {
          // skip elements inside a scroll container that is itself within the viewport
          let p = el.parentElement; let clipped = false;
          while (p) { const s = getComputedStyle(p); if ((s.overflowX === "auto" || s.overflowX === "hidden" || s.overflowX === "scroll") && p.getBoundingClientRect().right <= vw + 1) { clipped = true; break; } p = p.parentElement; }
          if (!clipped) over.push(`${el.tagName.toLowerCase()}.${(el.className?.toString() ?? "").slice(0, 40)} r=${Math.round(b.right)}`);
        }
      }
      return { sw: document.documentElement.scrollWidth, vw, over: over.slice(0, 4) };
    });
    const scrollers = await page.evaluate(() => Array.from(document.querySelectorAll("*")).filter((e) => { const s = getComputedStyle(e); return (s.overflowX === "auto" || s.overflowX === "scroll") && e.scrollWidth > e.clientWidth + 1; }).map((e) => `${e.tagName.toLowerCase()}(${e.scrollWidth}/${e.clientWidth}) ${e.querySelector("caption,table")?.getAttribute("aria-label") ?? e.querySelector("caption")?.textContent?.slice(0, 30) ?? ""}`));
    console.log(path, r.sw > r.vw ? `SCROLL ${r.sw}` : "ok", JSON.stringify(r.over), "inner-scroll:", scrollers.join(" | "));
    if (process.argv[3]) await page.screenshot({ path: `/tmp/phone${path.replace(/[/?=]/g, "_")}.png`, fullPage: true });
  }
  await browser.close();
})();
