import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function CustomerNotFound() {
  return (
    <EmptyState title="Customer not found">
      <p>
        This customer does not exist or was removed.{" "}
        <Link href="/customers" className="font-medium text-brand-700 underline">
          Search all customers
        </Link>
      </p>
    </EmptyState>
  );
}
