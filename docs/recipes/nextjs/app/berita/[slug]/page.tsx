import { getArticle } from '../../../lib/newsroom';

interface Block {
  type: string;
  id?: string;
  link?: string;
  href?: string | null;
  label?: string;
  text?: string;
}

/** A story with its Baca Juga lines where the editors placed them; revalidated by path. */
export default async function Story({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const story = await getArticle(slug);
  if (!story) return <p>Not found</p>;
  return (
    <article>
      <h1>{story.data.title}</h1>
      {story.data.body.map((block: Block, i: number) =>
        block.type === 'baca-juga' ? (
          <p key={block.link} className="baca-juga">
            Baca Juga: {block.href ? <a href={block.href}>{block.label}</a> : block.label}
          </p>
        ) : (
          <p key={block.id ?? i}>{block.text}</p>
        )
      )}
      <p id="rendered-at">{new Date().toISOString()}</p>
    </article>
  );
}

/** No page is built ahead: each is rendered on its first request, then kept until revalidated. */
export function generateStaticParams() {
  return [];
}
