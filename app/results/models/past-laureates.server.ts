// The published laureates of every edition before this system existed (UNESCO's public archive),
// as data for the public archive. Country codes are ISO 3166-1 alpha-2. Where a laureate was
// published as "Person, Project" the project is the project and the person the organisation.
// The second 2021 laureate (United Republic of Tanzania) is left out: its name is not confirmed.
// The server seeds them at every start (seedPastLaureates is idempotent), the demo too.
import { sql } from "drizzle-orm";
import type { DB } from "../../../db/client";
import { archiveLaureates } from "../../../db/schema";

export interface PastLaureate {
  year: number;
  project: string;
  organisation: string | null;
  country: string;
}

export const PAST_LAUREATES: readonly PastLaureate[] = [
  { year: 2006, project: "Cyber Home Learning System", organisation: "Ministry of Education & KERIS", country: "KR" },
  {
    year: 2006,
    project: "eDegree Programme in Lapland",
    organisation: "Kemi-Tornio University of Applied Sciences",
    country: "FI",
  },
  { year: 2007, project: "Claroline Consortium", organisation: null, country: "BE" },
  { year: 2007, project: "Curriki", organisation: null, country: "US" },
  { year: 2008, project: "Digital lifelong learning system", organisation: "Shanghai TV University", country: "CN" },
  { year: 2008, project: "Egyptian Education Initiative", organisation: "Dr Hoda Baraka", country: "EG" },
  { year: 2009, project: "Moscow Institute of Open Education", organisation: "Dr Alexei Semenov", country: "RU" },
  { year: 2009, project: "Jordan Education Initiative", organisation: "Ministry of ICT", country: "JO" },
  { year: 2010, project: "NIACE", organisation: null, country: "GB" },
  { year: 2010, project: "Infocentro Foundation", organisation: null, country: "VE" },
  { year: 2011, project: "Internet-ABC", organisation: null, country: "DE" },
  { year: 2011, project: "InfollutionZERO", organisation: null, country: "KR" },
  { year: 2015, project: "PRONIE", organisation: "Omar Dengo Foundation", country: "CR" },
  { year: 2015, project: "Open Source Physics @ Singapore", organisation: "Ministry of Education", country: "SG" },
  { year: 2016, project: "Kiron Open Higher Education", organisation: null, country: "DE" },
  { year: 2016, project: 'Online school "Digital Schools"', organisation: "JAAGO Foundation", country: "BD" },
  { year: 2017, project: "GENIE", organisation: null, country: "MA" },
  {
    year: 2017,
    project: "Connected Learning Initiative",
    organisation: "Tata Institute of Social Sciences",
    country: "IN",
  },
  { year: 2018, project: "ThingLink", organisation: null, country: "FI" },
  { year: 2018, project: "Can't Wait to Learn", organisation: null, country: "NL" },
  { year: 2019, project: "Letrus", organisation: null, country: "BR" },
  { year: 2019, project: "Dytective", organisation: null, country: "ES" },
  { year: 2020, project: "One College Student Per Village", organisation: "Open University of China", country: "CN" },
  { year: 2020, project: "ViLLE", organisation: "University of Turku", country: "FI" },
  { year: 2021, project: "PM eVIDYA", organisation: "CIET-NCERT", country: "IN" },
  {
    year: 2022,
    project: "Smart Education of China",
    organisation: "National Center for Educational Technology",
    country: "CN",
  },
  {
    year: 2022,
    project: "National Resource Hub",
    organisation: "National Forum for the Enhancement of Teaching and Learning in Higher Education",
    country: "IE",
  },
  {
    year: 2023,
    project: "Connecting the Dots: Data-Driven Carbon Literacy",
    organisation: "GOGO School Teachers' Association",
    country: "KR",
  },
  { year: 2023, project: "EducoNetImpact", organisation: "University of Mons", country: "BE" },
  { year: 2025, project: "AI4InclusiveEducation", organisation: "La Scientothèque", country: "BE" },
  { year: 2025, project: "Piauí Inteligência Artificial", organisation: null, country: "BR" },
  { year: 2025, project: "Mahara-Tech", organisation: null, country: "EG" },
  { year: 2025, project: "Experience AI", organisation: null, country: "GB" },
];

/**
 * When the laureates of a year count as published: 1 September of that year (around the
 * announcement), except the 2023 edition, whose award ceremony is documented (2 Sept 2024).
 */
export function pastLaureatePublishedAt(year: number): Date {
  if (year === 2023) return new Date(Date.UTC(2024, 8, 2, 12, 0, 0));
  return new Date(Date.UTC(year, 8, 1, 12, 0, 0));
}

/**
 * Inserts the past laureates of every year that has no row in archive_laureates yet, in one
 * transaction. Idempotent; a year already present (seeded, or recorded by the system) is left
 * alone. Returns the number of rows inserted.
 */
export function seedPastLaureates(database: DB): number {
  return database.transaction((tx) => {
    const present = new Set(
      tx
        .select({ year: archiveLaureates.year })
        .from(archiveLaureates)
        .groupBy(sql`${archiveLaureates.year}`)
        .all()
        .map((row) => row.year),
    );
    const rows = PAST_LAUREATES.filter((laureate) => !present.has(laureate.year));
    for (const laureate of rows) {
      tx.insert(archiveLaureates)
        .values({
          year: laureate.year,
          editionId: null,
          project: laureate.project,
          organisation: laureate.organisation,
          country: laureate.country,
          publishedAt: pastLaureatePublishedAt(laureate.year),
        })
        .run();
    }
    return rows.length;
  });
}
