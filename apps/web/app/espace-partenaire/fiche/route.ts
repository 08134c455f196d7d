import { legacyRedirect, pathOfGlobalId } from "../../../lib/partner/legacy-links";

export function GET(request: Request) {
  return legacyRedirect(pathOfGlobalId(new URL(request.url).searchParams.get("id")));
}
