export function ApiUnavailable() {
  return (
    <section className="error" role="alert">
      <h1>Les chiffres sont momentanément indisponibles</h1>
      <p>Le service de données ne répond pas. Réessayez dans quelques instants ; si le problème persiste, contactez la Maison de l'ESS.</p>
    </section>
  );
}
