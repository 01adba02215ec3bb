/**
 * Vocabularies for telling a speaker's office, rank and institution from the speaker's name in
 * Indonesian copy ("Kabid Humas Polda Metro Jaya Kombes Pol Ade Santoso"). All lists are lower
 * case and matched word by word; they describe the language, not any particular story.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/u).filter(Boolean));

/**
 * Words that open (or continue) an office: "Kepala", "juru bicara", "Kasatreskrim", "Pj".
 * Abbreviated police/military offices (Kapolres, Dandim ...) are listed because they are
 * written as one capitalised word that would otherwise look like a name.
 */
export const OFFICE = words(`
  presiden wapres wakil menteri menko menlu menhan menkeu mendagri wamen sekretaris sekjen sesjen
  kepala ketua ketum direktur dirut dirjen dirlantas dirreskrimum dirreskrimsus dirresnarkoba
  deputi asisten juru bicara jubir gubernur wagub bupati wabup wali walikota wawali camat lurah
  kades kapolri wakapolri kapolda wakapolda kapolres kapolresta kapolrestabes kapolsek kasat
  kasatreskrim kasatlantas kasatnarkoba kasatpolairud kabid kabag kasubdit kasubbag kasi kanit kadiv
  kadis kapusdatin kapuspen kapuspenkum kapendam kapenrem pangdam pangkostrad pangkoarmada dandim
  danrem danramil danlanud danlantamal danyon bhabinkamtibmas babinsa panglima kasad kasal kasau
  dubes duta besar perdana pm raja ratu kanselir senator anggota komisaris koordinator manager
  manajer head vice chief officer ceo cfo coo pemimpin pimpinan pelatih kapten dosen pengamat peneliti
  ekonom analis pakar pengasuh kuasa hukum pengacara staf ahli khusus humas plt pj pjs pelaksana
  harian mantan jaksa hakim majelis agung tertinggi utama umum eksekutif jenderal kajati kajari
  kejari kepala rektor dekan guru besar ustaz pendiri founder owner sekretariat bendahara
  koordinator komandan danjen danpaspampres inspektur irjen kapusdatinkom kalaksa kepsek kasubag
  terpilih senior kepala vp svp evp avp gm panewu keuchik bendesa kelian klian penghulu sekda
  sekdes sekdis plh kasie kasubsi kadisdik kadinkes kadishub kadispora kabiro karo kapus penjabat
  wakapolres wakapolresta wakapolrestabes wakapolsek wakasat kabag kasubbag kaops advokat sultan
  tokoh technical delegate kakanwil kakan kakankemenag kaban kalapas karutan kalak perwira
  pasi`);

/** Qualifiers that stay in the role when they follow the office ("Presiden terpilih"). */
export const ROLE_QUALIFIERS = words('terpilih senior nonaktif demisioner sementara');

/**
 * Ranks and honorifics: left out of both name and role. A rank is a head word optionally followed
 * by its corps ("Kombes Pol", "Marsekal Madya TNI", "Kolonel Inf").
 */
export const RANK_HEADS = words(`
  kombes akbp akp kompol iptu ipda aiptu aipda bripka brigpol briptu bripda bharada brigadir
  komjen irjen brigjen mayjen letjen marsekal laksamana kolonel letkol mayor serka serma pelda
  sertu serda kopda koptu praka pratu prada kopral sersan letnan letda lettu peltu`);
export const RANK_TAILS = words(`
  pol polisi tni inf kav arm art czi cpl cpn cba chb laut udara madya muda pertama purn (purn)
  (k) (p) psk mar pnb`);
export const HONORIFICS = words(`
  prof dr dr. drs dra ir kh hj h habib ustaz ustazah ustad ustadz syekh gus tuan nyonya sdr
  pendeta pdt romo pastor tgk teungku kiai kyai bhante biksu haji hajjah`);

/**
 * Words followed by a proper name of their own: "Universitas Hasanuddin", "PT Semen Tonasa",
 * "Kabupaten Sidenreng Rappang", "Stasiun Meteorologi Maritim Bitung", "KBRI Bangkok". After
 * one of them the copy does not say where that name ends and a person's begins ("...
 * Kabupaten Sidenreng Rappang Muhammad Arsyad"): only the story itself can (see split).
 */
export const NAME_TAKERS = words(`
  universitas institut sekolah politeknik fakultas pt cv yayasan koperasi perumda perum bank rs
  rsud rumah sakit pondok pesantren ponpes stasiun pangkalan kantor pusat balai lembaga asosiasi
  persatuan perhimpunan ikatan himpunan serikat konfederasi federasi partai paroki gereja jemaat
  masjid hotel pasar pelabuhan bandara desa kota kabupaten kab kecamatan kelurahan kampung dusun
  nagari gampong kbri kjri klub tim komunitas paguyuban forum aliansi gerakan museum piala liga
  stadion turnamen kejuaraan festival championship cup league`);

/** Capitalised words that belong to an institution's or a place's name, never to a person's. */
export const INSTITUTION = words(`
  kementerian kemenkes kemenag kemendagri kemenkeu kemlu kemenlu kemenhub kemendikbud badan dinas
  disnaker kantor lembaga asosiasi persatuan perhimpunan ikatan himpunan komisi konfederasi
  federasi serikat universitas institut sekolah pusat balai besar biro bidang direktorat kejaksaan
  kejagung kejati kejari pengadilan partai dewan majelis yayasan perum perseroan pt cv tbk persero
  polda polres polsek polresta polrestabes polri mabes kodam kodim korem koramil satpol satlinmas
  satreskrim pemprov pemkot pemkab pemerintah kota kabupaten kab desa kecamatan kelurahan provinsi
  cabang wilayah perwakilan pengurus harian operasi hubungan internasional industrial luar dalam
  negeri keuangan pertahanan kesehatan pendidikan perhubungan pertanian agama energi mineral
  batubara lingkungan hidup pekerjaan umum sosial penerangan hukum informasi komunikasi layanan
  kampanye tambang penindakan pencegahan pengendalian penyakit menular penyelenggaraan haji umrah
  bina marga penataan ruang riset pasar strategis kajian studi konstitusi keamanan nasional gizi
  pemadam kebakaran penyelidikan pengembangan teknologi kebencanaan geologi konservasi sumber daya
  alam imigrasi public relations corporate communication communications kepresidenan istana kremlin
  gedung putih pentagon kabinet negara republik rakyat pengawas obat makanan pengusaha ritel
  pengemudi ojol aplikator transportasi daring pekerja buruh rokok bawang merah meteorologi
  klimatologi geofisika legislasi kesyahbandaran otoritas pelabuhan kelas reserse kriminal khusus
  fatwa ulama pondok pesantren perumahan permukiman pariwisata kebudayaan perdagangan perindustrian
  koperasi ketenagakerjaan tenaga kerja investasi kelautan perikanan kehutanan statistik
  perencanaan anggaran pendapatan personalia sdm pemasaran humas timnas klub tim redaksi
  pengelola sekretariat pemberantasan korupsi perlindungan konsumen bank sentral otoritas jasa
  metro sar persatuan basarnas bnpb bpbd bmkg bappenas bulog pertamina
  bareskrim densus kejagung bawaslu kpu ojk bpom bps bnn kpk dpr mpr dprd tni polri kodam indef celios walhi kontras perludem elsam formappi lipi brin lapan
  pemko pemda pemdes disdik dinkes dishub dispora disperindag diskominfo bapenda bappeda bpn bumn
  bumd kemensos kemenpora kemendag kemenperin kementan kemenkumham satgas posko mapolres mapolda
  mapolsek kepolisian sektor resor usaha mikro ukm umkm daerah penanggulangan bencana kedaruratan
  logistik rehabilitasi rekonstruksi intel intelkam reskrim narkoba lantas binmas sabhara samapta
  propam provos`);

/** Countries, regions and compass words; a place in an office ("Menteri Luar Negeri Rusia"). */
export const GEO = words(`
  indonesia ri rusia amerika serikat as korea utara selatan barat timur tengah tenggara laut daya
  china tiongkok jepang ukraina iran israel palestina inggris prancis perancis jerman india turki
  arab saudi mesir suriah irak afghanistan pakistan australia malaysia singapura thailand filipina
  vietnam myanmar kamboja laos brunei timor leste eropa asia afrika uni polandia belanda belgia
  italia spanyol portugal swiss swedia norwegia finlandia denmark austria yunani hungaria ceko
  rumania belarus georgia kanada meksiko brasil argentina chili kolombia venezuela kuba peru
  selandia baru qatar kuwait bahrain oman yaman yordania lebanon libya tunisia aljazair maroko
  sudan ethiopia kenya nigeria taiwan hong kong mongolia kazakhstan uzbekistan bangladesh
  nepal gaza jawa sumatera sumatra kalimantan sulawesi papua bali nusa maluku dki jakarta
  jabar jateng jatim diy yogyakarta banten aceh riau jambi bengkulu lampung gorontalo nasional
  nusantara raya pusat kaltim kalsel kalteng kalbar kaltara sulsel sulut sulteng sultra sulbar
  sumut sumbar sumsel ntb ntt kepri babel malut diy`);

/** Words after which the next capitalised word is a place ("Bupati Garut", "Kota Semarang"). */
export const PLACE_TAKERS = words(`
  bupati wabup gubernur wagub wali walikota wawali camat lurah kades kota kabupaten kab desa
  kecamatan kelurahan provinsi kapolda kapolres kapolresta kapolrestabes kapolsek polda polres
  polresta polrestabes polsek kodim dandim danrem korem kodam pangdam kapendam kajari kajati
  kejari kejati cabang kampung dusun kanwil perwakilan ulp up3 panewu keuchik bendesa kelian klian
  kapanewon kalurahan gampong nagari`);

/**
 * Private-capacity descriptors: a speaker introduced as one of these has no role (README rule);
 * "warga Desa X", "korban", "pemilik gudang".
 */
export const PRIVATE = words(`
  warga korban saksi pedagang petani pembeli pengemudi penumpang pemilik nelayan buruh mahasiswa
  mahasiswi siswa siswi pelajar santri ibu bapak pak bu seorang salah satu pria wanita perempuan
  laki-laki pemuda remaja anak orang tua konsumen pengunjung penonton pendukung suporter pasien
  keluarga istri suami tetangga relawan pejalan tersangka terdakwa pelaku atlet pemain juara
  turis wisatawan pelanggan penjual pekerja karyawan karyawati sopir tukang peternak perajin
  mang ceu kang teh bang mbak mas aktivis penyanyi artis aktor aktris musisi pebulu pesepak
  pebalap petinju pebasket pegolf perenang pelari selebritas selebgram komedian presenter
  youtuber influencer budayawan seniman sastrawan`);

/** Generic nouns that name no one in particular: "Pemerintah menyebut ...", "Polisi mengatakan". */
export const GENERIC = words('pemerintah polisi aparat otoritas pihak militer tentara rezim warga');

/** Anonymous sources: the copy deliberately names nobody. */
export const ANONYMOUS =
  /^(?:seorang|salah\s+(?:seorang|satu)|satu\s+di(?:\s+antara)?|sebuah|sumber|beberapa|sejumlah|para|wartawan|pihak|keduanya|mereka)(?![\p{L}])/iu;

const low = (t: string): string => t.toLowerCase().replace(/[.,]$/u, '');

export const isRankHead = (t: string): boolean => RANK_HEADS.has(low(t));
export const isRankTail = (t: string): boolean => RANK_TAILS.has(low(t));
export const isHonorific = (t: string): boolean =>
  HONORIFICS.has(t.toLowerCase()) || HONORIFICS.has(low(t));
export const isOffice = (t: string): boolean => OFFICE.has(low(t));
export const isNameTaker = (t: string): boolean => NAME_TAKERS.has(low(t));
export const isGeo = (t: string): boolean => GEO.has(low(t));
export const isInstitution = (t: string): boolean => INSTITUTION.has(low(t));
export const isPrivate = (t: string): boolean => PRIVATE.has(low(t));
export const isGeneric = (t: string): boolean => GENERIC.has(low(t));
/** "KPK", "BPOM", "UP3", "IV/Diponegoro", "III": acronyms, unit numbers and roman numerals. */
export const isCode = (t: string): boolean =>
  /^[\p{Lu}\d]{2,}$/u.test(t.replace(/[-/]/gu, '')) ||
  /\//u.test(t) ||
  /^[IVXL]+$/u.test(t) ||
  /^\p{Lu}{2,}[\p{Ll}\d]*\p{Lu}/u.test(t);
/** A word that cannot be part of a person's name. */
export const notName = (t: string): boolean =>
  isOffice(t) || isGeo(t) || isInstitution(t) || isNameTaker(t) || isCode(t) || isRankHead(t);

/** A rank, a corps after a rank, or an honorific ("Kombes", "Pol.", "Polisi", "dr."). */
export const isTitleWord = (token: string): boolean => {
  const w = token.toLowerCase().replace(/[.,]$/u, '');
  return RANK_HEADS.has(w) || RANK_TAILS.has(w) || HONORIFICS.has(w) || HONORIFICS.has(`${w}.`);
};
