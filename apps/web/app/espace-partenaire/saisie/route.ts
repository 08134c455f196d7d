import { legacyRedirect, pathOfEntry } from "../../../lib/partner/legacy-links";

export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return legacyRedirect(pathOfEntry(params.get("type"), params.get("id")));
}
