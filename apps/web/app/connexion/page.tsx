import type { Metadata } from "next";
import { LoginForm } from "../../components/partner/login-form";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ suite?: string }> }) {
  const { suite } = await searchParams;
  return (
    <>
      <h1>Connexion à l'espace partenaire</h1>
      <p className="lead">
        Pour les partenaires du PTCE qui saisissent, importent et relisent leurs chiffres. La consultation du tableau de bord ne demande aucun compte.
      </p>
      <LoginForm next={typeof suite === "string" ? suite : "/espace-partenaire"} />
    </>
  );
}
