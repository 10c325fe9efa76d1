"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// recharts is the biggest script on the pages that chart: it loads after the page is interactive,
// in a box of the chart's own height (the numbers are in the table beside every chart meanwhile).
export const BalanceChart = dynamic(() => import("./balance-chart").then((m) => m.BalanceChart), {
  ssr: false,
  loading: () => <Skeleton className="h-60 w-full" />,
});

export const JourneyShapeChart = dynamic(() => import("./journey-shape-chart").then((m) => m.JourneyShapeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

export const StageAreaChart = dynamic(() => import("./stage-area-chart").then((m) => m.StageAreaChart), {
  ssr: false,
  loading: () => <Skeleton className="h-80 w-full" />,
});

export const CalibrationChart = dynamic(() => import("./calibration-chart").then((m) => m.CalibrationChart), {
  ssr: false,
  loading: () => <Skeleton className="h-60 w-full" />,
});

export const ArrBridgeChart = dynamic(() => import("./arr-bridge-chart").then((m) => m.ArrBridgeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

export const CohortChart = dynamic(() => import("./cohort-chart").then((m) => m.CohortChart), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full" />,
});

export const ArrHistoryChart = dynamic(() => import("./arr-history-chart").then((m) => m.ArrHistoryChart), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full" />,
});
