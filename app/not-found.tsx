import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-slate-600">The link may be old, or the page was moved.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the overview
      </Link>
    </main>
  );
}
