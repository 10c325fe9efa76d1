import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardNotFound() {
  return (
    <EmptyState title="Not found">
      <p>
        What you were looking for does not exist or was removed.{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the overview
        </Link>
      </p>
    </EmptyState>
  );
}
