// The countries the demo's applications come from: names, how many write in French, and the
// cities and names their applicants are made of.

/** The languages an application may be written in. */
export type Lang = "en" | "fr";

export interface Country {
  code: string;
  en: string;
  fr: string;
  /** Share of applications written in French. */
  frShare: number;
  cities: string[];
  first: string[];
  last: string[];
}

export const COUNTRIES: readonly Country[] = [
  { code: "KE", en: "Kenya", fr: "Kenya", frShare: 0, cities: ["Nairobi", "Kisumu", "Mombasa"], first: ["Wanjiru", "Otieno", "Achieng", "Kiprono"], last: ["Kamau", "Odhiambo", "Mutua", "Chebet"] },
  { code: "FR", en: "France", fr: "France", frShare: 0.6, cities: ["Lyon", "Marseille", "Lille", "Rennes"], first: ["Camille", "Julien", "Léa", "Thomas"], last: ["Martin", "Bernard", "Lefèvre", "Moreau"] },
  { code: "BR", en: "Brazil", fr: "Brésil", frShare: 0, cities: ["Recife", "Belo Horizonte", "Porto Alegre", "Manaus"], first: ["Ana", "João", "Mariana", "Lucas"], last: ["Silva", "Oliveira", "Santos", "Pereira"] },
  { code: "IN", en: "India", fr: "Inde", frShare: 0, cities: ["Pune", "Chennai", "Jaipur", "Guwahati"], first: ["Priya", "Arjun", "Kavya", "Rohan"], last: ["Sharma", "Iyer", "Das", "Menon"] },
  { code: "NG", en: "Nigeria", fr: "Nigéria", frShare: 0, cities: ["Lagos", "Ibadan", "Kano"], first: ["Chidinma", "Emeka", "Aisha"], last: ["Okafor", "Adeyemi", "Bello"] },
  { code: "GH", en: "Ghana", fr: "Ghana", frShare: 0, cities: ["Accra", "Kumasi", "Tamale"], first: ["Ama", "Kofi", "Efua"], last: ["Asante", "Owusu", "Boateng"] },
  { code: "ZA", en: "South Africa", fr: "Afrique du Sud", frShare: 0, cities: ["Cape Town", "Durban", "Polokwane"], first: ["Thandi", "Sipho", "Lerato"], last: ["Nkosi", "Dlamini", "Mokoena"] },
  { code: "SN", en: "Senegal", fr: "Sénégal", frShare: 1, cities: ["Dakar", "Saint-Louis", "Thiès"], first: ["Aminata", "Moussa", "Fatou"], last: ["Ndiaye", "Diop", "Sow"] },
  { code: "CI", en: "Côte d’Ivoire", fr: "Côte d’Ivoire", frShare: 1, cities: ["Abidjan", "Bouaké", "Yamoussoukro"], first: ["Awa", "Koffi", "Mariam"], last: ["Kouassi", "Traoré", "Koné"] },
  { code: "CM", en: "Cameroon", fr: "Cameroun", frShare: 0.8, cities: ["Yaoundé", "Douala", "Garoua"], first: ["Brigitte", "Samuel", "Nadège"], last: ["Mbarga", "Fotso", "Ngono"] },
  { code: "RW", en: "Rwanda", fr: "Rwanda", frShare: 0, cities: ["Kigali", "Huye", "Musanze"], first: ["Aline", "Eric", "Claudine"], last: ["Uwase", "Habimana", "Mukamana"] },
  { code: "UG", en: "Uganda", fr: "Ouganda", frShare: 0, cities: ["Kampala", "Gulu", "Mbarara"], first: ["Grace", "Ivan", "Patience"], last: ["Nakato", "Okello", "Tumusiime"] },
  { code: "MA", en: "Morocco", fr: "Maroc", frShare: 1, cities: ["Rabat", "Fès", "Agadir"], first: ["Salma", "Youssef", "Imane"], last: ["El Amrani", "Bennani", "Ouazzani"] },
  { code: "TN", en: "Tunisia", fr: "Tunisie", frShare: 1, cities: ["Tunis", "Sfax", "Sousse"], first: ["Amira", "Karim", "Rania"], last: ["Ben Salah", "Trabelsi", "Gharbi"] },
  { code: "EG", en: "Egypt", fr: "Égypte", frShare: 0, cities: ["Cairo", "Alexandria", "Aswan"], first: ["Mona", "Ahmed", "Yasmin"], last: ["Hassan", "Mostafa", "El-Sayed"] },
  { code: "JO", en: "Jordan", fr: "Jordanie", frShare: 0, cities: ["Amman", "Irbid", "Aqaba"], first: ["Lina", "Omar", "Dana"], last: ["Haddad", "Khalil", "Nasser"] },
  { code: "MX", en: "Mexico", fr: "Mexique", frShare: 0, cities: ["Oaxaca", "Guadalajara", "Mérida"], first: ["Valeria", "Diego", "Ximena"], last: ["Hernández", "López", "Cruz"] },
  { code: "CO", en: "Colombia", fr: "Colombie", frShare: 0, cities: ["Medellín", "Cali", "Manizales"], first: ["Paula", "Andrés", "Natalia"], last: ["Gómez", "Restrepo", "Vargas"] },
  { code: "CL", en: "Chile", fr: "Chili", frShare: 0, cities: ["Valparaíso", "Concepción", "Temuco"], first: ["Catalina", "Matías", "Javiera"], last: ["Muñoz", "Rojas", "Soto"] },
  { code: "PE", en: "Peru", fr: "Pérou", frShare: 0, cities: ["Cusco", "Arequipa", "Iquitos"], first: ["Rosa", "Luis", "Milagros"], last: ["Quispe", "Mamani", "Flores"] },
  { code: "AR", en: "Argentina", fr: "Argentine", frShare: 0, cities: ["Córdoba", "Rosario", "Mendoza"], first: ["Florencia", "Martín", "Agustina"], last: ["González", "Fernández", "Romero"] },
  { code: "JP", en: "Japan", fr: "Japon", frShare: 0, cities: ["Sendai", "Kyoto", "Fukuoka"], first: ["Yuki", "Kenji", "Aiko"], last: ["Sato", "Suzuki", "Watanabe"] },
  { code: "KR", en: "Republic of Korea", fr: "République de Corée", frShare: 0, cities: ["Busan", "Daejeon", "Gwangju"], first: ["Ji-woo", "Min-jun", "Seo-yeon"], last: ["Kim", "Park", "Choi"] },
  { code: "ID", en: "Indonesia", fr: "Indonésie", frShare: 0, cities: ["Yogyakarta", "Bandung", "Makassar"], first: ["Siti", "Budi", "Dewi"], last: ["Santoso", "Wijaya", "Lestari"] },
  { code: "PH", en: "Philippines", fr: "Philippines", frShare: 0, cities: ["Cebu", "Davao", "Iloilo"], first: ["Maria", "Jose", "Angelica"], last: ["Reyes", "Bautista", "Villanueva"] },
  { code: "VN", en: "Viet Nam", fr: "Viet Nam", frShare: 0, cities: ["Hanoi", "Da Nang", "Huế"], first: ["Linh", "Minh", "Thu"], last: ["Nguyen", "Tran", "Pham"] },
  { code: "BD", en: "Bangladesh", fr: "Bangladesh", frShare: 0, cities: ["Dhaka", "Khulna", "Sylhet"], first: ["Nusrat", "Tanvir", "Farhana"], last: ["Rahman", "Hossain", "Akter"] },
  { code: "NP", en: "Nepal", fr: "Népal", frShare: 0, cities: ["Kathmandu", "Pokhara", "Biratnagar"], first: ["Sita", "Bikash", "Anjali"], last: ["Shrestha", "Gurung", "Thapa"] },
  { code: "SE", en: "Sweden", fr: "Suède", frShare: 0, cities: ["Umeå", "Malmö", "Uppsala"], first: ["Elsa", "Oskar", "Maja"], last: ["Lindberg", "Nilsson", "Ek"] },
  { code: "FI", en: "Finland", fr: "Finlande", frShare: 0, cities: ["Oulu", "Tampere", "Jyväskylä"], first: ["Aino", "Mikko", "Sanna"], last: ["Virtanen", "Korhonen", "Mäkinen"] },
  { code: "DE", en: "Germany", fr: "Allemagne", frShare: 0, cities: ["Freiburg", "Leipzig", "Bremen"], first: ["Lena", "Jonas", "Miriam"], last: ["Becker", "Schulz", "Hoffmann"] },
  { code: "ES", en: "Spain", fr: "Espagne", frShare: 0, cities: ["Valencia", "Sevilla", "Bilbao"], first: ["Lucía", "Pablo", "Irene"], last: ["García", "Martínez", "Navarro"] },
  { code: "IT", en: "Italy", fr: "Italie", frShare: 0, cities: ["Bologna", "Torino", "Palermo"], first: ["Giulia", "Marco", "Chiara"], last: ["Rossi", "Bianchi", "Ricci"] },
  { code: "CA", en: "Canada", fr: "Canada", frShare: 0.3, cities: ["Montréal", "Halifax", "Winnipeg"], first: ["Émilie", "Liam", "Chloé"], last: ["Tremblay", "MacDonald", "Roy"] },
  { code: "FJ", en: "Fiji", fr: "Fidji", frShare: 0, cities: ["Suva", "Lautoka", "Labasa"], first: ["Litia", "Josefa", "Mere"], last: ["Waqa", "Naivalu", "Koroi"] },
  { code: "HT", en: "Haiti", fr: "Haïti", frShare: 1, cities: ["Port-au-Prince", "Cap-Haïtien", "Jacmel"], first: ["Nadine", "Jean-Robert", "Guerda"], last: ["Joseph", "Pierre", "Jean-Baptiste"] },
];
const COUNTRY = new Map(COUNTRIES.map((c) => [c.code, c]));
export const country = (code: string): Country => {
  const found = COUNTRY.get(code);
  if (!found) throw new Error(`demo: unknown country ${code}`);
  return found;
};
