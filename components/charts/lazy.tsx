"use client";

import dynamic from "next/dynamic";
import { type ComponentType, useEffect, useRef, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";

// recharts is the biggest script on the pages that chart: it loads after the page is interactive,
// and only once the chart's box comes near the screen, in a box of the chart's own height (the
// numbers are in the table beside every chart meanwhile). On a phone most charts are below the
// first screen, and running recharts at load blocked the page's main thread for over a second on a
// mobile CPU.
function nearScreen<P extends object>(Chart: ComponentType<P>, height: string) {
  return function NearScreen(props: P) {
    const box = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const element = box.current;
      if (!element || near) return;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) setNear(true);
        },
        { rootMargin: "200px" },
      );
      observer.observe(element);
      return () => observer.disconnect();
    }, [near]);
    return (
      <div ref={box} data-chart-box>
        {near ? <Chart {...props} /> : <Skeleton className={`${height} w-full`} />}
      </div>
    );
  };
}

export const BalanceChart = nearScreen(
  dynamic(() => import("./balance-chart").then((m) => m.BalanceChart), {
    ssr: false,
    loading: () => <Skeleton className="h-60 w-full" />,
  }),
  "h-60",
);

export const StageAreaChart = nearScreen(
  dynamic(() => import("./stage-area-chart").then((m) => m.StageAreaChart), {
    ssr: false,
    loading: () => <Skeleton className="h-80 w-full" />,
  }),
  "h-80",
);

export const CalibrationChart = nearScreen(
  dynamic(() => import("./calibration-chart").then((m) => m.CalibrationChart), {
    ssr: false,
    loading: () => <Skeleton className="h-60 w-full" />,
  }),
  "h-60",
);

export const ArrBridgeChart = nearScreen(
  dynamic(() => import("./arr-bridge-chart").then((m) => m.ArrBridgeChart), {
    ssr: false,
    loading: () => <Skeleton className="h-64 w-full" />,
  }),
  "h-64",
);

export const CohortChart = nearScreen(
  dynamic(() => import("./cohort-chart").then((m) => m.CohortChart), {
    ssr: false,
    loading: () => <Skeleton className="h-72 w-full" />,
  }),
  "h-72",
);

export const ArrHistoryChart = nearScreen(
  dynamic(() => import("./arr-history-chart").then((m) => m.ArrHistoryChart), {
    ssr: false,
    loading: () => <Skeleton className="h-48 w-full" />,
  }),
  "h-48",
);
