// Traditional Japanese tongue twisters (早口言葉) and the 五十音 drill lines of 北原白秋's
// 「五十音」 (あめんぼの歌), written out in modern kana as they are said, one per line.
// Words are separated by spaces; a noun, verb or adjective carries its semantic category after
// a colon (the categories are listed in src/speech/categories.ts). Loanwords use ー for long
// vowels. Lines are the commonly quoted forms; where a twister has several versions the
// shortest well-known one is used (a line must fit in 36 morae).
export const TWISTERS = `
なまむぎ:food なまごめ:food なまたまご:food
あかまきがみ:stationery あおまきがみ:stationery きまきがみ:stationery
となり:place の きゃく:person は よく かき:fruit くう:eat きゃく:person だ
すもも:fruit も もも:fruit も もも:fruit の うち
ぼうず:job が びょうぶ:furniture に じょうずに ぼうず:job の え:thing を かいた:make
にわ:place には にわ にわとり:bird が いる:exist
うらにわ:place には にわ にわとり:bird が いる:exist
とうきょう:place とっきょ:thing きょかきょく:building
ばすがす:thing ばくはつ:event
しんしゅん:season しゃんそん:music しょー:event
かえる:animal ぴょこぴょこ みぴょこぴょこ あわせて ぴょこぴょこ むぴょこぴょこ
この たけがき:building に たけ:plant たてかけた:put のは たけ:plant たてかけたかった:put から たけ:plant たてかけた:put
ひっこぬきにくい:quality くぎ:tool
きしゃ:building の きしゃ:job が きしゃ:vehicle で きしゃ:move した
おあやや おや:family に おあやまり:say
おあやや やおや:building に おあやまり:say
ぶぐ:tool ばぐ:tool ぶぐ:tool ばぐ:tool みぶぐ:tool ばぐ:tool あわせて ぶぐ:tool ばぐ:tool むぶぐ:tool ばぐ:tool
どじょう:fish にょろにょろ みにょろにょろ あわせて にょろにょろ むにょろにょろ
きくくり:plant きくくり:plant みきくくり:plant あわせて きくくり:plant むきくくり:plant
じょせつしゃ:vehicle じょせつ:event さぎょうちゅう:event
かたたたきき:tool
あかぱじゃま:clothing あおぱじゃま:clothing きぱじゃま:clothing
ろうにゃくなんにょ:person
あかかぶとむし:insect きかぶとむし:insect ちゃかぶとむし:insect
だしゃ:sport そうしゃ:sport しょうしゃ:sport そうしゃ:sport いっそう:event
うたうたい:job が うた:music うたい:job に きて:move うた:music うたえ:make と いう:say
しゅじゅつちゅう:event
まじゅつし:job まじゅつ:event しゅぎょうちゅう:event
りょかくき:vehicle
びじゅつしつ:room
しんせつ:event しんさつしつ:room しさつ:event
ふこうな:feeling ふうふ:family
おやがめ:animal の せなか:body に こがめ:animal を のせて:put
こがめ:animal の せなか:body に まごがめ:animal のせて:put
うりうり:job が うり:fruit うり:give に きて うり:fruit うりのこし:give
うりうり:job かえる:move うりうり:job の こえ:body
きょう:place の なまだら:fish なら:place なま まながつお:fish
うち:building の つるべ:tool は つぶれる:break つるべ:tool
となり:place の つるべ:tool は つぶれぬ:break つるべ:tool
ながまち:place の ななまがり:place ながい:size ななまがり:place
でんせんびょう:illness よぼう:event びょういん:building よぼう:event びょうしつ:room
しょしゃざん:place の しゃそうじょう:job
すがも:place こまごめ:place こまごめ:place すがも:place
こつそしょうしょう:illness そしょう:event しょうそ:event
かきゃくせん:vehicle の りょかく:person
こうかきょう:building きょうきゃく:building
とうきょう:place とっきょ:thing きょかきょく:building きょくちょう:job
きょう:day きゅうきょ きゅうか:event きょか:event きょひ:event
しんじん:person かしゅ:job しんしゅん:season しゃんそん:music しょー:event
じゃず:music しゃんそん:music かしゅ:job
ぶた:animal が ぶた:animal を ぶったら:hit ぶたれた:hit ぶた:animal が ぶった:hit
かっぱ:animal らっぱ:music かっぱらった:take
たけやぶ:plant やけた:break
ひきぬきにくい:quality この くい:tool の くぎ:tool
しゅうちゅう ちりょうしつ:room
こうしゅう:place えいせい:event
てきしゅつ:event しゅじゅつ:event
あめんぼ:insect あかい:hue な あいうえお
うきも:plant に こえび:fish も およいでる:move
かきのき:plant くりのき:plant かきくけこ
きつつき:bird こつこつ かれけやき:plant
ささげ:vegetable に す:food を かけ:put さしすせそ
その うお:fish あさせ:nature で さしました:hit
たちましょ:move らっぱ:music で たちつてと
とてとて たったと とびたった:move
なめくじ:insect のろのろ なにぬねの
なんど:room に ぬめって なに ねばる:move
はとぽっぽ:bird ほろほろ はひふへほ
ひなた:nature の おへや:room にゃ ふえ:music を ふく:make
まいまい:insect ねじまき:tool まみむめも
うめ:fruit の み:fruit おちても:move みもしまい
やきぐり:sweets ゆでぐり:sweets やいゆえよ
やまだ:place に ひ:nature の つく:exist よい:time の いえ:building
らいちょう:bird は さむかろ:temperature らりるれろ
れんげ:plant が さいたら:grow るり:colour の とり:bird
わいわい わっしょい わいうえを
うえきや:job いどがえ:event おまつり:event だ
`;
