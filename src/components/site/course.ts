import { getCollection, type CollectionEntry } from 'astro:content';
import { readingMinutes } from '~/schemas/lesson-body';

export type Lesson = CollectionEntry<'lessons'> & { minutes: number; href: string };

/** All lessons in course order, each with its reading time and URL. */
export async function getLessons(): Promise<Lesson[]> {
  const entries = await getCollection('lessons');
  const lessons = entries
    .map((entry) => ({
      ...entry,
      minutes: entry.data.minutes ?? readingMinutes(entry.body ?? ''),
      href: lessonHref(entry.id),
    }))
    .sort((a, b) => a.data.order - b.data.order);
  lessons.forEach((lesson, i) => {
    const previous = lessons[i - 1];
    if (previous && previous.data.order === lesson.data.order) {
      throw new Error(
        `Lessons "${previous.id}" and "${lesson.id}" both have order ${lesson.data.order}; give each lesson its own position.`,
      );
    }
  });
  return lessons;
}

export const lessonHref = (slug: string, section?: string) => `/lessons/${slug}/${section ? `#${section}` : ''}`;
