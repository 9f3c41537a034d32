import type { ReactNode } from "react";

import { QueryProvider } from "@/lib/query-provider";

/** Client components below fetch through TanStack Query (see src/lib/query-provider.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
