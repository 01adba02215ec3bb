import { listArticles } from '../lib/newsroom';

/** The story list: its fetch is tagged `nr-list`, so every publish revalidates it. */
export default async function Home() {
  const list = await listArticles();
  return (
    <ul>
      {list.data.map((story: { documentId: string; slug: string; title: string }) => (
        <li key={story.documentId}>
          <a href={`/berita/${story.slug}`}>{story.title}</a>
        </li>
      ))}
    </ul>
  );
}
