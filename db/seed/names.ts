export const FIRST_NAMES = [
  "Ada", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hakan", "Ines", "Jonas", "Kemal", "Lea", "Mehmet",
  "Nina", "Oskar", "Paula", "Quentin", "Rosa", "Selin", "Tim", "Ulla", "Volkan", "Wen", "Xiao", "Yusuf", "Zeynep",
  "Li", "Mei", "Hannah", "Lukas", "Emre", "Sofia", "Mia", "Noah", "Aylin", "Jan", "Marta", "Omar", "Priya", "Ravi",
] as const;

export const LAST_NAMES = [
  "Schmidt", "Yilmaz", "Wang", "Müller", "Kaya", "Chen", "Fischer", "Demir", "Zhang", "Weber", "Şahin", "Liu",
  "Becker", "Çelik", "Huang", "Hoffmann", "Aydın", "Zhao", "Koch", "Öztürk", "Wu", "Richter", "Arslan", "Zhou",
  "Klein", "Doğan", "Xu", "Wolf", "Kılıç", "Sun", "Neumann", "Aksoy", "Ma", "Schwarz", "Polat", "Hu",
] as const;

export const COMPANY_WORDS = [
  "Acme", "Blue", "Nord", "Lumen", "Atlas", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor",
  "Indigo", "Juniper", "Kestrel", "Lotus", "Maple", "Nimbus", "Orbit", "Pioneer", "Quartz", "Ridge", "Summit",
  "Tidal", "Umber", "Vertex", "Willow", "Yonder", "Zephyr", "Anka", "Boğaz", "Longmen", "Jade", "Rhein", "Alster",
] as const;

export const COMPANY_SUFFIXES = ["GmbH", "Ltd", "A.Ş.", "Inc", "Labs", "Studio", "Group", "Systems", "AG", "Co"] as const;
