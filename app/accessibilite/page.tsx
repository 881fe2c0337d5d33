import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("accessibilite");
}

export default function Page() {
  return <PublicPageView page="accessibilite" slug={null} />;
}
