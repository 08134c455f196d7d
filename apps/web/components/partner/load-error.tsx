import Link from "next/link";

/** A failed read, said as such: an empty list would tell the partner there is nothing to do. */
export function LoadError({ what, message, retry }: { what: string; message: string; retry: string }) {
  return (
    <div role="alert" className="form-error">
      <p>
        {what} n'ont pas pu être chargé·es : {message}
      </p>
      <Link className="button secondary-link" href={retry}>
        Réessayer
      </Link>
    </div>
  );
}
