import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("mentions-legales");
}

export default function Page() {
  return <PublicPageView page="mentions-legales" slug={null} />;
}
