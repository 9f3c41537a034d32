import { createNavigation } from "next-intl/navigation";

import { routing } from "./routing";

export const { Link, permanentRedirect, usePathname, useRouter } = createNavigation(routing);
