// Comments on a record or on a dashboard view, for signed-in users, rendered on the server; the
// coordination can hide one. Posting works without JavaScript.
import { formatDateTime } from "@oess/domain/format";
import { addComment, hideComment } from "../../app/espace-partenaire/actions";
import { graphql } from "../../lib/graphql";
import { serverQuery } from "../../lib/server-api";
import { ActionForm } from "./action-form";

const COMMENTS = graphql(`
  query Comments($recordId: ID, $viewPath: String) {
    comments(recordId: $recordId, viewPath: $viewPath) {
      databaseId
      authorName
      body
      createdAt
      hidden
    }
  }
`);

export async function Comments({
  target,
  isCoordinator,
  heading = "Commentaires",
}: {
  target: { recordId: string } | { viewPath: string };
  isCoordinator: boolean;
  heading?: string;
}) {
  const result = await serverQuery(COMMENTS, "recordId" in target ? { recordId: target.recordId } : { viewPath: target.viewPath });
  const viewPath = "viewPath" in target ? target.viewPath : "";
  return (
    <section className="panel comments" aria-labelledby="commentaires-titre">
      <h2 id="commentaires-titre">{heading}</h2>
      {!result.ok ? (
        <p role="alert" className="form-error">
          Les commentaires n'ont pas pu être chargés : {result.error.message}
        </p>
      ) : result.data.comments.length === 0 ? (
        <p>Aucun commentaire pour l'instant.</p>
      ) : (
        <ol className="comment-list">
          {result.data.comments.map((c) => (
            <li key={c.databaseId}>
              <p className="comment-meta">
                <strong>{c.authorName}</strong>, le {formatDateTime(c.createdAt)}
                {c.hidden ? " — masqué par la coordination" : ""}
              </p>
              {c.body !== null ? <p className={c.hidden ? "comment-hidden" : undefined}>{c.body}</p> : null}
              {isCoordinator && !c.hidden ? <ActionForm action={hideComment} hidden={{ id: c.databaseId, viewPath }} submit="Masquer" secondary /> : null}
            </li>
          ))}
        </ol>
      )}
      <ActionForm
        action={addComment}
        hidden={"recordId" in target ? { recordId: target.recordId } : { viewPath }}
        submit="Publier le commentaire"
        className="form"
      >
        <label>
          Votre commentaire
          <textarea name="body" rows={3} maxLength={4000} required />
        </label>
      </ActionForm>
    </section>
  );
}
