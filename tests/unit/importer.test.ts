import { readFileSync } from 'fs';
import { join } from 'path';
import { parseStory, type ParsedQuote } from '../../server/src/importer/parse-story';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const SEED = readFileSync(join(__dirname, '../../seed/ntvnews-korut-rusia.txt'), 'utf8');

/** The one quote of a one-paragraph story. */
const onlyQuote = (text: string): ParsedQuote => {
  const { quotes } = parseStory(text);
  expect(quotes).toHaveLength(1);
  return quotes[0] as ParsedQuote;
};
const speakers = (text: string): Array<string | null> =>
  parseStory(text).quotes.map((q) => q.speaker);

describe('parseStory: the Ntvnews seed story', () => {
  const story = parseStory(SEED);

  it('reads the outlet and the dateline city as written', () => {
    expect(story.outlet).toBe('Ntvnews.id');
    expect(story.dateline).toBe('Pyonyang');
  });

  it('keeps 11 paragraphs verbatim, without the dateline and the Baca Juga lines', () => {
    // Given the source lines, minus the two markers and the dateline prefix
    const expected = SEED.split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('Baca Juga:'));
    expected[0] = (expected[0] ?? '').replace('Ntvnews.id, Pyonyang - ', '');

    expect(story.paragraphs).toHaveLength(11);
    expect(story.paragraphs).toEqual(expected);
    expect(story.paragraphs[0]).toMatch(/^Korea Utara \(Korut\) telah mengesahkan sebuah/);
    expect(story.paragraphs[3]).toBe(
      '"Perjanjian tersebut akan berlaku efektif ketika kedua pihak bertukar instrumen ratifikasi," kata KCNA.'
    );
    expect(story.paragraphs[10]).toBe(
      'Saat ditanya bulan lalu tentang pengerahan pasukan ini, Putin tidak memberikan jawaban langsung dan justru mengkritik dukungan Barat terhadap Ukraina.'
    );
  });

  it('turns the two Baca Juga lines into links after paragraphs 3 and 8', () => {
    expect(story.links).toEqual([
      {
        label: 'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia',
        url: null,
        afterParagraph: 3,
      },
      { label: 'AS Serukan Hal Mencekam Ini ke Rusia', url: null, afterParagraph: 8 },
    ]);
  });

  it('finds every quote with its speaker, paragraph, kind and relay', () => {
    expect(story.quotes).toEqual([
      {
        text: 'disahkan sebagai dekrit',
        speaker: null,
        speakerRole: null,
        needsReview: true,
        paragraph: 2,
        kind: 'partial',
        relayedBy: 'KCNA',
        attribution: null,
      },
      {
        text: 'Perjanjian tersebut akan berlaku efektif ketika kedua pihak bertukar instrumen ratifikasi,',
        speaker: 'KCNA',
        speakerRole: null,
        needsReview: false,
        paragraph: 4,
        kind: 'full',
        relayedBy: null,
        attribution: { rule: 'verb-after', text: 'kata KCNA' },
      },
      {
        text: 'tanpa penundaan',
        speaker: null,
        speakerRole: null,
        needsReview: true,
        paragraph: 7,
        kind: 'partial',
        relayedBy: null,
        attribution: null,
      },
      {
        text: 'dokumen terobosan.',
        // Resolved to the full name and office given earlier ("Presiden Vladimir Putin").
        speaker: 'Vladimir Putin',
        speakerRole: 'Presiden',
        needsReview: false,
        paragraph: 8,
        kind: 'partial',
        relayedBy: null,
        attribution: { rule: 'subject-verb-before', text: 'Putin menggambarkan' },
      },
      {
        text: 'berdiri teguh di sisi rekan-rekan Rusia kami hingga hari kemenangan tercapai.',
        speaker: 'Choe Son Hui',
        speakerRole: 'Menteri Luar Negeri Korea Utara',
        needsReview: false,
        paragraph: 9,
        kind: 'partial',
        relayedBy: null,
        attribution: {
          rule: 'subject-verb-before',
          text: 'Baru-baru ini, Menteri Luar Negeri Korea Utara, Choe Son Hui, mengunjungi Moskow dan menyatakan',
        },
      },
      {
        text: 'perjuangan suci',
        speaker: 'Choe Son Hui',
        speakerRole: 'Menteri Luar Negeri Korea Utara',
        needsReview: false,
        paragraph: 9,
        kind: 'partial',
        relayedBy: null,
        attribution: { rule: 'subject-verb-before', text: 'Ia menyebut' },
      },
      {
        text: 'kepemimpinan bijaksana',
        speaker: 'Choe Son Hui',
        speakerRole: 'Menteri Luar Negeri Korea Utara',
        needsReview: false,
        paragraph: 9,
        kind: 'partial',
        relayedBy: null,
        attribution: {
          rule: 'subject-verb-before',
          text: 'Ia menyebut serangan Rusia terhadap Ukraina sebagai "…" dan menyatakan',
        },
      },
    ]);
  });

  it('gives the same result for CRLF, blank lines, a BOM, tabs and trailing spaces', () => {
    const messy = '\uFEFF' + SEED.split('\n').join(' \t\r\n\r\n');
    expect(parseStory(messy)).toEqual(story);
  });

  it('takes a line of invisible characters for a blank line, not a paragraph', () => {
    const padded = SEED.split('\n').join('\n\u2060\n\u00ad\u200b\n\u00a0\u200d\n');
    expect(parseStory(padded)).toEqual(story);
    expect(parseStory('\u2060\n\u00ad\n\u200c').paragraphs).toEqual([]);
  });
});

describe('parseStory: datelines', () => {
  it.each([
    ['Ntvnews.id, Pyonyang - ', 'Ntvnews.id', 'Pyonyang'],
    ['JAKARTA, KOMPAS.com - ', 'KOMPAS.com', 'JAKARTA'],
    ['Liputan6.com, Jakarta - ', 'Liputan6.com', 'Jakarta'],
    ['TEMPO.CO, Jakarta — ', 'TEMPO.CO', 'Jakarta'],
    ['REPUBLIKA.CO.ID, JAKARTA -- ', 'REPUBLIKA.CO.ID', 'JAKARTA'],
    ['Jakarta, CNN Indonesia -- ', 'CNN Indonesia', 'Jakarta'],
    ['Medan, detikcom – ', 'detikcom', 'Medan'],
    ['Semarang, Republika -- ', 'Republika', 'Semarang'],
    ['Okezone, Bandung - ', 'Okezone', 'Bandung'],
    ['Jakarta (ANTARA) - ', 'ANTARA', 'Jakarta'],
    ['Moskow (Reuters) — ', 'Reuters', 'Moskow'],
    ['SURABAYA, Jatimnow - ', 'Jatimnow', 'SURABAYA'],
    ['Jatimnow, SURABAYA - ', 'Jatimnow', 'SURABAYA'],
    ['Bandung, Pikiran Rakyat - ', 'Pikiran Rakyat', 'Bandung'],
    ['Jakarta - ', null, 'Jakarta'],
    ['Suara.com - ', 'Suara.com', null],
  ])('%j gives outlet %j and dateline %j', (prefix, outlet, dateline) => {
    const story = parseStory(
      `${prefix}Harga cabai naik tajam menjelang akhir tahun.\nParagraf kedua.`
    );

    expect(story.outlet).toBe(outlet);
    expect(story.dateline).toBe(dateline);
    expect(story.paragraphs).toEqual([
      'Harga cabai naik tajam menjelang akhir tahun.',
      'Paragraf kedua.',
    ]);
  });

  it.each([
    'Baru-baru ini, warga Depok memprotes kenaikan tarif air bersih.',
    'Menurut warga, kenaikan itu - yang mencapai 30 persen - terlalu memberatkan.',
    'Presiden Prabowo Subianto - yang baru dilantik bulan lalu - berpidato di depan parlemen.',
    'Harga beras di pasar tradisional terus merangkak naik dalam dua pekan terakhir ini menurut para pedagang - terutama beras medium.',
    '"Kami siap - apa pun risikonya," kata Kapolda Metro Jaya.',
  ])('leaves %j untouched when it has no dateline', (first) => {
    const story = parseStory(`${first}\nJAKARTA, KOMPAS.com - Ini paragraf kedua.`);

    expect(story.outlet).toBeNull();
    expect(story.dateline).toBeNull();
    expect(story.paragraphs[0]).toBe(first);
    expect(story.paragraphs[1]).toBe('JAKARTA, KOMPAS.com - Ini paragraf kedua.');
  });

  it('keeps a paragraph of copy that follows a bare "Baca Juga:" as copy', () => {
    const text = [
      'Tim SAR masih mencari dua orang hilang.',
      'Baca Juga:',
      '"Amati kondisi sekitar anda. Orangtua hendaknya mengawasi anaknya," kata Sutopo.',
    ].join('\n');
    const story = parseStory(text);

    expect(story.links).toEqual([]);
    expect(story.paragraphs).toEqual([text.split('\n')[0], text.split('\n')[2]]);
    expect(story.quotes).toHaveLength(1);
  });

  it('finds the dateline under a headline and a byline pasted above it', () => {
    const story = parseStory(
      'Harga Cabai Naik\nPenulis: Rina\nSuara.com - Harga cabai naik tajam.'
    );

    expect(story.outlet).toBe('Suara.com');
    expect(story.paragraphs).toEqual([
      'Harga Cabai Naik',
      'Penulis: Rina',
      'Harga cabai naik tajam.',
    ]);
  });

  it('skips the day and date inside a dateline', () => {
    const story = parseStory('Jakarta, Rabu (13/11/2024) - Rupiah melemah tipis.');

    expect(story.dateline).toBe('Jakarta');
    expect(story.paragraphs).toEqual(['Rupiah melemah tipis.']);
  });

  it('drops a dateline that stands on its own line and renumbers the links after it', () => {
    const story = parseStory('JAKARTA, KOMPAS.com -\nBaca Juga: Judul\nIsi berita pertama.');

    expect(story.outlet).toBe('KOMPAS.com');
    expect(story.dateline).toBe('JAKARTA');
    expect(story.paragraphs).toEqual(['Isi berita pertama.']);
    expect(story.links).toEqual([{ label: 'Judul', url: null, afterParagraph: 0 }]);
  });

  it('reads an ANTARA dateline with an en dash from a fixture', () => {
    const story = parseStory(fixture('antara-gempa.txt'));

    expect(story.outlet).toBe('ANTARA');
    expect(story.dateline).toBe('Mataram');
    expect(story.paragraphs[0]).toBe(
      'Gempa bermagnitudo 5,8 mengguncang Lombok Utara, Nusa Tenggara Barat, pada Kamis pagi.'
    );
  });
});

describe('parseStory: Baca Juga links', () => {
  it.each([
    'Baca Juga: Harga Emas Turun',
    'BACA JUGA: Harga Emas Turun',
    'baca juga : Harga Emas Turun',
    'Baca juga - Harga Emas Turun',
    'Baca Juga:Harga Emas Turun   ',
    'Baca Juga:\nHarga Emas Turun',
    'BACA JUGA\nHarga Emas Turun',
    'Baca juga :\n\n\nHarga Emas Turun',
  ])('reads %j as one link after paragraph 1', (marker) => {
    const story = parseStory(`Paragraf satu.\n${marker}\nParagraf dua.`);

    expect(story.links).toEqual([{ label: 'Harga Emas Turun', url: null, afterParagraph: 1 }]);
    expect(story.paragraphs).toEqual(['Paragraf satu.', 'Paragraf dua.']);
  });

  it('reads CRLF copy with blank lines like LF copy without them', () => {
    const lf = 'Satu.\nBaca Juga:\nJudul A\nDua.\nBACA JUGA: Judul B\nTiga.';
    const crlf =
      'Satu.\r\n\r\nBaca Juga:\r\n\r\nJudul A\r\n\r\nDua.\r\n\r\nBACA JUGA: Judul B\r\n\r\nTiga.\r\n';

    expect(parseStory(crlf)).toEqual(parseStory(lf));
    expect(parseStory(crlf).links).toEqual([
      { label: 'Judul A', url: null, afterParagraph: 1 },
      { label: 'Judul B', url: null, afterParagraph: 2 },
    ]);
  });

  it('puts a marker before any paragraph at 0 and keeps two markers in a row in order', () => {
    const story = parseStory(fixture('cnn-suku-bunga.txt'));

    expect(story.outlet).toBe('CNN Indonesia');
    expect(story.dateline).toBe('Jakarta');
    expect(story.links).toEqual([
      { label: 'Rupiah Menguat ke Level Rp15.700', url: null, afterParagraph: 0 },
      { label: 'Harga Emas Antam Turun Rp5.000', url: null, afterParagraph: 3 },
      { label: 'IHSG Dibuka Melemah', url: null, afterParagraph: 3 },
    ]);
    expect(story.paragraphs[0]).toBe(
      'Bank Indonesia (BI) mempertahankan suku bunga acuan di level 6 persen.'
    );
    expect(story.paragraphs).toHaveLength(7);
  });

  it('keeps "baca juga" inside a sentence, or without a colon, as text', () => {
    const story = parseStory(fixture('cnn-suku-bunga.txt'));

    expect(story.paragraphs[6]).toBe('Baca juga laporan lengkapnya di halaman berikut.');
    expect(story.links.map((l) => l.label)).not.toContain('laporan lengkapnya di halaman berikut.');
  });

  it('handles a marker alone with blank lines, inline markers and in-sentence "baca juga"', () => {
    const story = parseStory(fixture('kompas-banjir.txt'));

    expect(story.outlet).toBe('KOMPAS.com');
    expect(story.dateline).toBe('JAKARTA');
    expect(story.links).toEqual([
      { label: 'Warga Bekasi Mulai Mengungsi ke Masjid', url: null, afterParagraph: 2 },
      { label: 'Daftar Posko Pengungsian Banjir Jakarta', url: null, afterParagraph: 7 },
      { label: 'Cara Klaim Asuransi Kendaraan Terendam Banjir', url: null, afterParagraph: 7 },
    ]);
    expect(story.paragraphs).toHaveLength(8);
    expect(story.paragraphs[6]).toBe(
      'Pembaca bisa baca juga laporan kami tentang titik pengungsian di halaman lain.'
    );
  });

  it('reads "Baca juga :" with the title on the next line (curly-quote fixture)', () => {
    const story = parseStory(fixture('antara-gempa.txt'));

    expect(story.links).toEqual([
      { label: 'Gempa Susulan Terjadi 12 Kali di Lombok', url: null, afterParagraph: 1 },
    ]);
    expect(story.paragraphs).toHaveLength(6);
  });
});

describe('parseStory: quotes', () => {
  it('keeps the quoted words verbatim, with punctuation inside the marks', () => {
    const quote = onlyQuote('"Kami siap, kapan pun," kata Budi.');

    expect(quote.text).toBe('Kami siap, kapan pun,');
    expect(quote.paragraph).toBe(1);
  });

  it('reads curly quotes', () => {
    expect(
      onlyQuote('“Harga beras akan turun bulan depan,” ungkap Presiden Prabowo Subianto.')
    ).toEqual({
      text: 'Harga beras akan turun bulan depan,',
      speaker: 'Prabowo Subianto',
      speakerRole: 'Presiden',
      needsReview: false,
      paragraph: 1,
      kind: 'full',
      relayedBy: null,
      attribution: { rule: 'verb-after', text: 'ungkap Presiden Prabowo Subianto' },
    });
  });

  it.each([
    ['"Kami siap berangkat," kata Budi.', 'full'],
    ['Budi berkata: "Kami siap."', 'full'],
    ['Budi menyebut rencana itu "sangat berani."', 'partial'],
    ['Budi menyebut rencana itu sebagai "Proyek Nusantara".', 'partial'],
    ['Budi menegaskan, "Tidak ada penundaan."', 'full'],
  ])('%j is a %s quote', (text, kind) => {
    expect(onlyQuote(text).kind).toBe(kind);
  });

  it('numbers quotes by paragraph', () => {
    const story = parseStory(
      'Paragraf tanpa kutipan.\n"Satu," kata Ani.\nBaca Juga: X\n"Dua," kata Ani. "Tiga."'
    );

    expect(story.quotes.map((q) => [q.text, q.paragraph])).toEqual([
      ['Satu,', 2],
      ['Dua,', 3],
      ['Tiga.', 3],
    ]);
  });
});

describe('parseStory: speakers', () => {
  it.each([
    ['"Kami siap," kata Kepala BMKG Dwikorita Karnawati.', 'Dwikorita Karnawati'],
    ['"Kami siap," ujar Menteri Luar Negeri Sugiono di Jakarta.', 'Sugiono'],
    ['"Stok aman," ungkap Direktur Utama Bulog Bayu Krisnamurthi.', 'Bayu Krisnamurthi'],
    ['"Stok aman," tutur Ahmad bin Yusuf.', 'Ahmad bin Yusuf'],
    ['"Kami akan terus berjuang," jelas Anies Baswedan.', 'Anies Baswedan'],
    ['"Tidak ada kompromi," tegas Kapolri Jenderal Listyo Sigit Prabowo.', 'Listyo Sigit Prabowo'],
    ['"Kebijakan itu sudah tepat," menurut Sri Mulyani.', 'Sri Mulyani'],
    ['Menurut Sri Mulyani, kebijakan itu "sudah tepat."', 'Sri Mulyani'],
    ['Presiden Jokowi membuka sidang.\nKata Jokowi: "Kerja, kerja, kerja."', 'Jokowi'],
    [
      'Presiden Mesir al-Sisi tiba di Kairo.\n"Saya tidak tahu," kata al-Sisi kepada wartawan.',
      'al-Sisi',
    ],
    ['"Uji coba berhasil," kata KCNA.', 'KCNA'],
    ['"Ekonomi tumbuh lima persen," Sri Mulyani mengatakan.', 'Sri Mulyani'],
    ['Gubernur Jawa Barat Dedi Mulyadi mengatakan, "Semua sekolah tetap buka."', 'Dedi Mulyadi'],
    [
      'Juru bicara Kremlin Dmitry Peskov mengatakan bahwa Moskow "tidak akan mundur."',
      'Dmitry Peskov',
    ],
    [
      'Presiden Rusia Vladimir Putin tiba di Beijing.\nPutin menggambarkan perjanjian itu sebagai "dokumen terobosan."',
      'Vladimir Putin',
    ],
    ['Presiden Joko Widodo menyebut proyek itu "warisan bangsa".', 'Joko Widodo'],
    ['Retno Marsudi menyatakan Indonesia "tidak akan tinggal diam."', 'Retno Marsudi'],
    ['Erick Thohir menegaskan bahwa timnas "harus lolos."', 'Erick Thohir'],
    ['Yusril Ihza Mahendra menjelaskan aturan itu "tidak berlaku surut."', 'Yusril Ihza Mahendra'],
    ['Nadiem Makarim mengungkapkan kurikulum baru "lebih sederhana."', 'Nadiem Makarim'],
    ['Bahlil Lahadalia menambahkan stok BBM "cukup hingga Lebaran."', 'Bahlil Lahadalia'],
    ['Kim Jong Un berkata, "Kami tidak takut."', 'Kim Jong Un'],
    ['Presiden Putin tiba di Minsk.\nLangkah itu, kata Putin, adalah "provokasi".', 'Putin'],
    [
      'Pengamat politik Universitas Indonesia, Ade Armando, menilai langkah itu "terlalu dini."',
      'Ade Armando',
    ],
    ['"Kami tidak takut," kata juru bicara Kemlu, Roy Soemirat, dalam jumpa pers.', 'Roy Soemirat'],
    ['"Tidak ada tsunami," kata Kepala Pusat Gempa Bumi dan Tsunami BMKG Daryono.', 'Daryono'],
  ])('%j is attributed to %j', (text, speaker) => {
    expect(onlyQuote(text).speaker).toBe(speaker);
  });

  it('takes the name from an appositive title (Menteri ..., Name, ... dan menyatakan)', () => {
    const text =
      'Baru-baru ini, Menteri Luar Negeri Korea Utara, Choe Son Hui, mengunjungi Moskow dan menyatakan bahwa negaranya akan "berdiri teguh."';

    expect(onlyQuote(text).speaker).toBe('Choe Son Hui');
  });

  it('resolves "katanya" and "-nya" verbs to the last named speaker across paragraphs', () => {
    const text = [
      '"Stok beras aman," kata Kepala Bulog Bayu Krisnamurthi.',
      'Harga di pasar mulai turun sejak pekan lalu.',
      '"Warga tidak perlu panik," katanya.',
      '"Kami terus memantau," ujarnya.',
    ].join('\n');

    expect(speakers(text)).toEqual(['Bayu Krisnamurthi', 'Bayu Krisnamurthi', 'Bayu Krisnamurthi']);
  });

  it('resolves Ia, Dia and Beliau to the last named person', () => {
    const text = [
      'Menteri Keuangan Sri Mulyani Indrawati mengatakan defisit "masih terkendali."',
      'Ia menyebut penerimaan pajak "di atas target."',
      'Dia menegaskan pemerintah akan "menjaga daya beli."',
      '"Kita harus hati-hati," kata beliau.',
    ].join('\n');

    expect(speakers(text)).toEqual([
      'Sri Mulyani Indrawati',
      'Sri Mulyani Indrawati',
      'Sri Mulyani Indrawati',
      'Sri Mulyani Indrawati',
    ]);
  });

  it('remembers a speaker named in a sentence without quotes', () => {
    const text = 'Kim Jong Un mengatakan negaranya siap berperang.\n"Kami tidak gentar," katanya.';

    expect(speakers(text)).toEqual(['Kim Jong Un']);
  });

  it('leaves a one-word name the story never introduced empty and flagged ("kata Sugiono" alone)', () => {
    // Issue 26: a name is credited only where the copy introduces it as a person (an office,
    // a rank, an apposition, an age, or a mid-sentence mention other than after "kata").
    const quote = onlyQuote('"Kami siap," kata Sugiono kepada wartawan.');
    expect(quote.speaker).toBeNull();
    expect(quote.needsReview).toBe(true);
  });

  it('gives a following quote of its own sentence to the speaker just named', () => {
    const text =
      'Presiden Putin tiba di Minsk.\n"Rusia tidak akan menyerah," kata Putin. "Kami akan menang."';
    expect(speakers(text)).toEqual(['Putin', 'Putin']);
  });

  it('carries a quote left open at the paragraph end to the next paragraph speaker', () => {
    const text =
      '"Kami tidak akan berhenti sampai semua korban ditemukan.\n"Tim SAR bekerja siang dan malam," kata Kepala Basarnas Kusworo.';

    expect(parseStory(text).quotes).toEqual([
      {
        text: 'Kami tidak akan berhenti sampai semua korban ditemukan.',
        speaker: 'Kusworo',
        speakerRole: 'Kepala Basarnas',
        needsReview: false,
        paragraph: 1,
        kind: 'full',
        relayedBy: null,
        attribution: { rule: 'carried-over', text: 'kata Kepala Basarnas Kusworo' },
      },
      {
        text: 'Tim SAR bekerja siang dan malam,',
        speaker: 'Kusworo',
        speakerRole: 'Kepala Basarnas',
        needsReview: false,
        paragraph: 2,
        kind: 'full',
        relayedBy: null,
        attribution: { rule: 'verb-after', text: 'kata Kepala Basarnas Kusworo' },
      },
    ]);
  });

  it.each([
    'Perjanjian itu mewajibkan bantuan militer "tanpa penundaan" jika salah satu pihak diserang.',
    '"Situasi terkendali," kata seorang pejabat yang tidak mau disebutkan namanya.',
    'Dia berkata: "Besok kita mulai."',
    'Laporan yang menyebut ribuan tentara "siap tempur" belum terverifikasi.',
    'Pemerintah menyebut kebijakan itu "tidak populer tetapi perlu."',
    'Sebuah sumber di lapangan menyebut pompa air "tidak berfungsi optimal."',
    // One word the story never introduces and only capitalises at a sentence start: it may be
    // a name or an opener ("Lantas", "Diketahui"); the editor decides.
    'Putin menggambarkan perjanjian itu sebagai "dokumen terobosan."',
    'Putin, yang berbicara di Kremlin, menyebut langkah itu "provokasi".',
  ])('leaves the speaker of %j null', (text) => {
    expect(onlyQuote(text).speaker).toBeNull();
  });

  it('attributes the quotes of the Antara fixture', () => {
    const story = parseStory(fixture('antara-gempa.txt'));

    expect(story.quotes.map((q) => [q.text, q.speaker, q.paragraph, q.kind])).toEqual([
      ['Gempa ini tidak berpotensi tsunami,', 'Daryono', 2, 'full'],
      ['menanggung biaya perbaikan rumah warga.', 'Najmul Akhyar', 4, 'partial'],
      ['sudah disalurkan sejak pagi.', 'Najmul Akhyar', 4, 'partial'],
      ['Kami butuh tenda dan selimut,', 'Baiq Nurul', 5, 'full'],
      // "Menurut Najmul" resolves to the name introduced earlier ("Najmul Akhyar").
      ['Seluruh sekolah diliburkan selama tiga hari.', 'Najmul Akhyar', 6, 'full'],
    ]);
  });

  it('attributes the quotes of the Kompas fixture', () => {
    const story = parseStory(fixture('kompas-banjir.txt'));

    expect(story.quotes.map((q) => [q.speaker, q.paragraph, q.relayedBy])).toEqual([
      ['Isnawa Adji', 2, null],
      ['Isnawa Adji', 4, null],
      // "ujar Siti" resolves to "Seorang warga, Siti Aminah (45)," introduced earlier.
      ['Siti Aminah', 6, 'Kompas.com'],
      [null, 8, null],
    ]);
  });

  it('attributes the quotes of the CNN fixture', () => {
    const story = parseStory(fixture('cnn-suku-bunga.txt'));

    expect(story.quotes.map((q) => [q.speaker, q.paragraph, q.kind])).toEqual([
      ['Perry Warjiyo', 2, 'partial'],
      ['Perry Warjiyo', 3, 'full'],
      ['Faisal Basri', 5, 'full'],
      ['Sri Mulyani Indrawati', 6, 'partial'],
      ['Sri Mulyani Indrawati', 6, 'partial'],
    ]);
  });
});

describe('parseStory: relayedBy', () => {
  it.each([
    ['"Kami siap," kata Kim Jong Un, seperti dikutip dari KCNA.', 'Kim Jong Un', 'KCNA'],
    [
      'Menteri Luar Negeri Sugiono tiba.\n"Kami siap," kata Sugiono kepada Antara di Jakarta.',
      'Sugiono',
      'Antara',
    ],
    [
      'Dilansir dari AFP, Presiden Prancis Emmanuel Macron menyebut serangan itu "tidak dapat diterima."',
      'Emmanuel Macron',
      'AFP',
    ],
    [
      'Presiden Zelensky berpidato.\n“Ini bukan akhir,” kata Zelensky dalam pidatonya, dikutip dari Reuters.',
      'Zelensky',
      'Reuters',
    ],
    [
      'Dekret itu "berlaku segera", sebagaimana disampaikan oleh kantor berita Korea Utara, Korean Central News Agency (KCNA).',
      null,
      'KCNA',
    ],
    [
      'Presiden Mesir al-Sisi tiba.\n"Saya tidak tahu," kata al-Sisi kepada Xinhua.',
      'al-Sisi',
      'Xinhua',
    ],
  ])('%j: speaker %j relayed by %j', (text, speaker, relayedBy) => {
    const quote = onlyQuote(text);

    expect(quote.speaker).toBe(speaker);
    expect(quote.relayedBy).toBe(relayedBy);
  });

  it.each([
    '"Uji coba berhasil," kata KCNA.',
    '"Jangan khawatir," ujar Budi kepada wartawan.',
    '"Kami siap," kata Budi.\nDilansir dari Reuters, harga minyak naik.',
  ])('leaves relayedBy of %j null', (text) => {
    expect(parseStory(text).quotes[0]?.relayedBy).toBeNull();
  });
});

describe('parseStory: roles and review flags', () => {
  it('splits office, rank and name', () => {
    const quote = onlyQuote(
      '"Tiga tersangka ditahan," kata Kabid Humas Polda Metro Jaya Kombes Pol Ade Santoso.'
    );

    expect([quote.speaker, quote.speakerRole, quote.needsReview]).toEqual([
      'Ade Santoso',
      'Kabid Humas Polda Metro Jaya',
      false,
    ]);
  });

  it('keeps a bare office as role only, flagged for review', () => {
    const quote = onlyQuote('"Jangan menunda," kata Presiden saat membuka sidang kabinet.');

    expect([quote.speaker, quote.speakerRole, quote.needsReview]).toEqual([null, 'Presiden', true]);
  });

  it('leaves an anonymous source null without a review flag', () => {
    const quote = onlyQuote('"Air naik cepat," kata seorang warga yang enggan disebutkan namanya.');

    expect([quote.speaker, quote.needsReview]).toEqual([null, false]);
  });

  it('flags a pronoun with nobody to point to', () => {
    const quote = onlyQuote('"Kami siap," kata dia.');

    expect([quote.speaker, quote.needsReview]).toEqual([null, true]);
  });
});

describe('parseStory: English copy (an English edition, imported with --locale en)', () => {
  const copy = [
    'JAKARTA (Reuters) - Heavy rain flooded parts of the capital on Monday.',
    '"We are moving residents to higher ground," said Governor Budi Santoso.',
    'Read also: Floods Swamp Bekasi',
    'Related to this, schools in East Jakarta were closed.',
    'Also read - Rice Prices Rise Again',
    'See also:',
    'Water levels fell by evening https://example.com/water',
    'Related stories',
    'Jakarta braces for more rain',
  ].join('\n');
  const english = parseStory(copy, { language: 'english' });

  it('reads the English markers, and leaves a sentence that opens with one as copy', () => {
    expect(english.links.map((l) => [l.label, l.url, l.afterParagraph])).toEqual([
      ['Floods Swamp Bekasi', null, 2],
      ['Rice Prices Rise Again', null, 3],
      ['Water levels fell by evening', 'https://example.com/water', 3],
      ['Jakarta braces for more rain', null, 3],
    ]);
    expect(english.paragraphs[2]).toBe('Related to this, schools in East Jakarta were closed.');
  });

  it('keeps the words of each quote for an editor to credit: no speaker from Indonesian rules', () => {
    expect(english.quotes).toHaveLength(1);
    expect(english.quotes[0]).toMatchObject({
      text: 'We are moving residents to higher ground,',
      speaker: null,
      speakerRole: null,
      relayedBy: null,
      attribution: null,
      needsReview: true,
    });
  });

  it('takes the English markers for copy in Indonesian copy, and the reverse', () => {
    expect(parseStory('Read also: Floods Swamp Bekasi').links).toEqual([]);
    expect(parseStory('Baca Juga: Banjir Rendam Bekasi', { language: 'english' }).links).toEqual(
      []
    );
  });
});
