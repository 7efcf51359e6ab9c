// Everyday sentences written for this project, in kana, one per line (418 lines).
// How they were written: by hand, a few at a time around everyday themes (meals and drinks,
// weather and seasons, animals, birds, insects and sea creatures, family and jobs, school,
// shops and the town, transport, the body and illness, the home, sport and music, feelings and
// greetings), so that most semantic categories hold many words and a word has same-category
// competitors outside any one sentence (パンと[コーヒー/ジュース/スープ/紅茶]で朝食を). No
// templates: each line was composed on its own. Spelling is modern kana as written (the
// particles は and を stay は and を); loanwords use ー for long vowels.
// Words are separated by spaces; a noun, verb or adjective carries its semantic category after
// a colon (src/speech/categories.ts lists them); particles, auxiliaries and adverbs carry none.
// The train / held-out split is computed by src/speech/corpus.ts (seeded, documented there).
export const EVERYDAY = `
あさ:time は こーひー:drink を のみます:eat
わたし:person は まいあさ:time ぱん:food を たべます:eat
ぱん:food と こーひー:drink で ちょうしょく:food に する
きのう:day は あめ:weather が ふった:fall
きょう:day は とても あつい:temperature
あした:day は ゆき:weather が ふる:fall かもしれない
ねこ:animal が まど:furniture の そば:place で ねている:rest
いぬ:animal と こうえん:place を さんぽ:event した
あに:family は ぎゅうにゅう:drink が すき:feeling です
いもうと:family が けーき:sweets を つくった:make
ちち:family は しんぶん:thing を よんで:see いる
はは:family は にわ:place で はな:plant に みず:drink を やる:give
そふ:family は まいにち:time ながい:size さんぽ:event を する
そぼ:family が おいしい:taste おちゃ:drink を いれて:make くれた:give
せんせい:job が こくばん:stationery に じ:thing を かいた:make
がっこう:building は えき:building の ちかく:place に ある:exist
でんしゃ:vehicle が すこし おくれた:move
ばす:vehicle で びょういん:building へ いく:move
じてんしゃ:vehicle で がっこう:building に かよう:move
ひこうき:vehicle が そら:nature を とんで:move いる
ふね:vehicle が みなと:place に ついた:move
あめ:weather の ひ:day は かさ:tool を もって:take いく:move
かぜ:weather が つよくて:quality さむい:temperature
そら:nature が あおくて:hue きれい:quality だ
くも:weather が おおくて:quality くらい:quality
かみなり:weather が なって:make いぬ:animal が ふるえた:move
にじ:weather が やま:nature の うえ:place に でた:exist
きり:weather で まえ:place が よく みえない:see
はる:season に なると さくら:plant が さく:grow
なつ:season は うみ:nature で およぐ:move
あき:season は つき:nature が きれい:quality です
ふゆ:season は こたつ:furniture で みかん:fruit を たべる:eat
りんご:fruit を ふたつ:number かった:give
ばなな:fruit は あまくて:taste やわらかい:quality
いちご:fruit の けーき:sweets を かいました:give
ぶどう:fruit の じゅーす:drink が のみたい:eat
すいか:fruit を みんな:person で わけた:give
もも:fruit の かわ:thing を むいた:make
れもん:fruit は とても すっぱい:taste
にんじん:vegetable と たまねぎ:vegetable を きる:make
きゃべつ:vegetable を こまかく:size きざんだ:make
とまと:vegetable が あかく:hue なった
だいこん:vegetable の にもの:food を つくる:make
じゃがいも:vegetable を ゆでて:make つぶす:break
なす:vegetable は なつ:season の やさい:vegetable だ
かれー:food に にく:food を いれる:put
らーめん:food を すする:eat おと:thing が する
すし:food を はし:tool で たべる:eat
おにぎり:food を みっつ:number つくった:make
たまご:food を わって:break やいた:make
さかな:fish を やいて:make たべた:eat
ごはん:food を おおもり:size に して もらった:give
みそしる:food が あつすぎる:temperature
うどん:food と そば:food の どちら が いい:quality
ぴざ:food を みんな:person で わけた:give
こうちゃ:drink に さとう:food を いれない:put
じゅーす:drink を こっぷ:tool に ついだ:put
みず:drink を いっぱい:number ください:give
おちゃ:drink が さめて:temperature しまった
わいん:drink を すこし のんだ:eat
びーる:drink は つめたい:temperature ほう が いい:quality
こーら:drink の あわ:thing が はじけた:break
ここあ:drink で からだ:body が あたたまった:temperature
ちょこれーと:sweets は あまい:taste
あめ:sweets を ひとつ:number もらった:give
くっきー:sweets を やいて:make ともだち:person に あげた:give
あいす:sweets が とけて:break しまった
だんご:sweets を さんこ:number たべた:eat
せんべい:sweets は かたい:quality
ぷりん:sweets が れいぞうこ:furniture に ある:exist
どーなつ:sweets を かいに:give いこう:move
うさぎ:animal が にんじん:vegetable を かじる:eat
さる:animal が き:plant に のぼった:move
くま:animal は ふゆ:season に ねむる:rest
ぞう:animal の はな:body は ながい:size
きりん:animal の くび:body は とても ながい:size
らいおん:animal が おおきな:size こえ:body で ほえた:say
うま:animal が のはら:nature を はしる:move
うし:animal が くさ:plant を たべて:eat いる
ひつじ:animal の け:body で せーたー:clothing を あむ:make
ぶた:animal は はな:body が いい:quality
きつね:animal が もり:nature に かくれた:move
たぬき:animal が はたけ:place に でた:exist
ねずみ:animal が ちーず:food を かじった:eat
からす:bird が ごみ:thing を ちらかした:break
すずめ:bird が でんせん:thing に とまって:rest いる
はと:bird が えさ:food を つついて:eat いる
つばめ:bird が のき:building に す:building を つくった:make
ふくろう:bird は よる:time に なく:say
にわとり:bird が あさ:time に ないた:say
ぺんぎん:bird は そら:nature を とべない:move
かもめ:bird が うみ:nature の うえ:place を とぶ:move
ちょう:insect が はな:plant に とまった:rest
せみ:insect が うるさく:quality ないて:say いる
とんぼ:insect を つかまえた:take
あり:insect が さとう:food に あつまった:move
はち:insect に さされた:hit
か:insect に さされて:hit かゆい:feeling
ほたる:insect が かわ:nature の うえ:place で ひかる:exist
かぶとむし:insect を かって:give いる
まぐろ:fish の さしみ:food が すき:feeling だ
さけ:fish が かわ:nature を のぼる:move
きんぎょ:fish に えさ:food を やった:give
くじら:fish が しお:thing を ふいた:make
たこ:fish の あし:body は はっぽん:number ある:exist
いか:fish を やいて:make たべた:eat
かに:fish が よこ:place に あるく:move
あたま:body が すこし いたい:feeling
め:body が つかれて:feeling ねむい:feeling
みみ:body を すまして:make きいた:hear
くち:body を おおきく:size あけて:handle ください:give
は:body を みがいて:make から ねる:rest
て:body を よく あらいましょう:make
あし:body が いたくて:feeling あるけない:move
かた:body が こって:feeling いる
おなか:body が すいた:feeling
せなか:body が かゆい:feeling
かぜ:illness を ひいて:take ねつ:illness が でた:exist
せき:illness が とまらない:move
くすり:thing を のんで:eat やすんだ:rest
はいしゃ:job に いく:move のが こわい:feeling
いしゃ:job に みて:see もらった:give
かんごし:job が ねつ:illness を はかった:make
おとうと:family は さっかー:sport が とくい:quality だ
あね:family は ぴあの:music を ひく:make
おじ:family は つり:sport が すき:feeling です
おば:family から てがみ:thing が とどいた:move
むすこ:family が はじめて:time あるいた:move
むすめ:family は えほん:thing が だいすき:feeling
いとこ:family と やきゅう:sport を した
まご:family が あそびに:play きた:move
かぞく:family で りょこう:event に いった:move
ともだち:person と えいが:event を みた:see
となり:place の ひと:person に あいさつ:say した
こども:person たち が こうえん:place で あそぶ:play
おとな:person は おさけ:drink を のむ:eat
あかちゃん:person が ないて:say いる
おまわりさん:job に みち:place を きいた:hear
けいさつかん:job が くるま:vehicle を とめた:move
しょうぼうし:job が ひ:nature を けした:break
だいく:job が いえ:building を たてる:make
やおや:job で やさい:vegetable を かう:give
さかなや:job で さんま:fish を かった:give
ぱんや:building の ぱん:food は やきたて:make
はなや:building で ばら:plant を えらんだ:take
ほんや:building で じしょ:thing を さがす:see
こんびに:building で おにぎり:food を かう:give
すーぱー:building は よる:time まで あいて:handle いる
ぎんこう:building で おかね:thing を おろした:take
ゆうびんきょく:building で きって:stationery を かう:give
としょかん:building は しずか:quality だ
びょういん:building の まちあいしつ:room は こんで:quality いた
えき:building の まえ:place で まって:rest いる
くうこう:building まで くるま:vehicle で おくる:give
ほてる:building の へや:room から うみ:nature が みえる:see
だいどころ:room で りょうり:food を する
いま:room で てれび:furniture を みる:see
ふろ:room に はいって:move あたたまる:temperature
げんかん:room に くつ:clothing を ぬいだ:wear
しんしつ:room の でんき:thing を けした:break
きょうしつ:room に せいと:person が あつまった:move
たいいくかん:building で ばれーぼーる:sport を する
おんがくしつ:room から うた:music が きこえる:hear
つくえ:furniture の うえ:place に ほん:thing が ある:exist
いす:furniture に すわって:rest ください:give
べっど:furniture で ほん:thing を よむ:see
たんす:furniture に ふく:clothing を しまう:put
そふぁ:furniture で ねて:rest しまった
れいぞうこ:furniture に ぎゅうにゅう:drink が ない:exist
せんたくき:furniture が こわれた:break
えんぴつ:stationery で え:thing を かく:make
けしごむ:stationery を かして:give ください:give
のーと:stationery に なまえ:thing を かく:make
はさみ:stationery で かみ:stationery を きる:make
じょうぎ:stationery で せん:thing を ひく:make
ぼーるぺん:stationery の いんく:stationery が きれた:break
ふでばこ:stationery を わすれた:forget
かばん:tool に きょうかしょ:thing を いれた:put
かさ:tool を でんしゃ:vehicle に わすれた:forget
とけい:tool が とまって:move いる
かぎ:tool を なくして:forget こまった:feeling
めがね:tool を かけて:wear しんぶん:thing を よむ:see
なべ:tool で すーぷ:food を にる:make
ほうちょう:tool で さかな:fish を さばく:make
ふらいぱん:tool で たまご:food を やく:make
はし:tool を ならべて:put ください:give
さら:tool を あらって:make ふいた:make
こっぷ:tool が われた:break
ぼうし:clothing を かぶって:wear でかける:move
くつ:clothing を はいて:wear そと:place へ でる:move
てぶくろ:clothing を かたほう:number なくした:forget
まふらー:clothing を まいて:wear でかけた:move
こーと:clothing を ぬいで:wear かけた:put
しゃつ:clothing に あな:thing が あいた:handle
すかーと:clothing の いろ:colour が いい:quality
せーたー:clothing は あたたかい:temperature
ゆかた:clothing を きて:wear まつり:event に いく:move
くつした:clothing が かたほう:number ない:exist
きもの:clothing を きて:wear しゃしん:thing を とった:take
かさ:tool を さして:handle あるいた:move
あかい:hue くつ:clothing を かった:give
しろい:hue ねこ:animal が いる:exist
くろい:hue いぬ:animal が ほえた:say
あおい:hue うみ:nature が ひろがる:exist
きいろい:hue はな:plant が さいた:grow
みどり:colour の はっぱ:plant が ゆれる:move
ちゃいろ:colour の かばん:tool を もつ:take
むらさき:colour の あさがお:plant が さいた:grow
ぴんく:colour の ふく:clothing が にあう:quality
はいいろ:colour の くも:weather が ひろがる:exist
まいにち:time しちじ:time に おきる:rest
よる:time は はやく:speed ねる:rest
ひるやすみ:time に おべんとう:food を たべる:eat
ゆうがた:time に かいもの:event に いく:move
しゅうまつ:time は いえ:building で やすむ:rest
げつようび:day は いそがしい:feeling
にちようび:day に ともだち:person と あう:meet
らいしゅう:time しけん:event が ある:exist
せんげつ:time ひっこし:event を した
きょねん:time ほっかいどう:place へ いった:move
らいねん:time は りゅうがく:event したい
いま:time なんじ:time です か
ごぜん:time ちゅう:time に しごと:event を おえた:make
しごと:event が おわったら:make のみに:eat いこう:move
かいぎ:event は さんじ:time から です
でんわ:thing が なった:make
めーる:thing を おくった:give
てがみ:thing の へんじ:thing を かく:make
しゃしん:thing を とって:take ください:give
ぱそこん:tool が うごかない:move
すまほ:tool の でんち:thing が きれた:break
てれび:furniture の おと:thing が おおきい:size
らじお:tool から にゅーす:thing が ながれる:move
かめら:tool を かばん:tool に いれた:put
まど:furniture を あけて:handle ください:give
どあ:furniture を しめて:handle でかけた:move
でんき:thing を つけて:handle ほん:thing を よむ:see
えあこん:furniture を つけた:handle
かーてん:furniture を あけると あさひ:nature が さす:exist
ほん:thing を かりて:take かえった:move
ざっし:thing を めくる:handle
まんが:thing を よんで:see わらった:laugh
えいが:event を みて:see ないた:say
おんがく:music を ききながら:hear はしる:move
うた:music を うたう:make のが すき:feeling です
ぎたー:music を れんしゅう:event して いる
たいこ:music の おと:thing が ひびく:hear
ばいおりん:music を ならい:study はじめた
ぴあの:music の はっぴょうかい:event が あった:exist
やきゅう:sport の しあい:event を みた:see
すいえい:sport は からだ:body に いい:quality
てにす:sport の らけっと:tool を かった:give
まらそん:sport で ごじゅう:number ばん:number だった
じゅうどう:sport の どうじょう:building に かよう:move
すきー:sport を しに やま:nature へ いく:move
ばすけっと:sport の ぼーる:tool を なげた:give
さっかー:sport の せんしゅ:job に なりたい:feeling
ごるふ:sport は むずかしい:quality
たっきゅう:sport で ちち:family に かった:win
やま:nature に のぼって:move おにぎり:food を たべた:eat
かわ:nature で さかな:fish を つった:take
うみ:nature で かい:fish を ひろった:take
もり:nature の なか:place は すずしい:temperature
いけ:nature に こい:fish が いる:exist
のはら:nature に はな:plant が さいて:grow いる
たき:nature の みず:drink は つめたい:temperature
しま:nature まで ふね:vehicle で いく:move
すなはま:nature を はだし:body で あるく:move
ゆうひ:nature が しずむ:move
ほし:nature が たくさん みえる:see
たいよう:nature が まぶしい:quality
つき:nature が くも:weather に かくれた:move
かぜ:weather が ふいて:move き:plant が ゆれた:move
たいふう:weather が ちかづいて:move いる
ゆき:weather が つもって:grow まっしろ:hue だ
あられ:weather が まど:furniture に あたった:hit
つゆ:season は あめ:weather が おおい:quantity
ゆうだち:weather に ぬれて:fall しまった
はれ:weather の ひ:day は せんたく:event を する
くもり:weather の ひ:day は すずしい:temperature
こさめ:weather なら かさ:tool は いらない:need
きおん:weather が さがって:fall さむく:temperature なった
さくら:plant の はな:plant が ちった:fall
ひまわり:plant が たいよう:nature を むく:move
ちゅーりっぷ:plant を うえた:grow
もみじ:plant が あかく:hue そまった:make
いちょう:plant の はっぱ:plant が きいろい:hue
まつ:plant の き:plant は かぜ:weather に つよい:quality
たけ:plant の こ:plant を ほった:make
あさがお:plant に みず:drink を あげた:give
ばら:plant の とげ:plant が いたい:feeling
たんぽぽ:plant の わたげ:plant が とぶ:move
こめ:food を といで:make ごはん:food を たく:make
にく:food を こまかく:size きる:make
ぎょうざ:food を やいて:make たべた:eat
てんぷら:food は あげたて:make が おいしい:taste
やきとり:food を にほん:number ください:give
ぱすた:food を ゆでる:make
さらだ:food に どれっしんぐ:food を かける:put
すーぷ:food が さめない:temperature うちに のんで:eat
はんばーぐ:food を こねる:make
おでん:food の だいこん:vegetable が しみて:taste いる
なっとう:food を まぜる:make
とうふ:food の みそしる:food が すき:feeling
しょうゆ:food を すこし たらす:put
しお:food を いれすぎた:put
こしょう:food で くしゃみ:illness が でた:exist
さとう:food を ひかえて:need いる
あぶら:food が はねた:move
ちーず:food を のせて:put やいた:make
ばたー:food を ぱん:food に ぬる:put
じゃむ:food を かって:give きた:move
きょう:day は なにを たべたい:eat
これ:thing は いくら です か
あの みせ:building は やすくて:quality おいしい:taste
おみやげ:thing に おかし:sweets を かった:give
さいふ:tool を いえ:building に わすれた:forget
おつり:thing を もらう:give のを わすれた:forget
れじ:place に ならんで:rest まつ:rest
かいだん:place で ころんだ:fall
えれべーたー:vehicle で ごかい:place へ あがる:move
みち:place に まよって:feeling しまった
こうさてん:place を みぎ:place に まがる:move
しんごう:thing が あお:colour に かわった:move
はし:building を わたって:move むこう:place へ いく:move
とおり:place は ひと:person で いっぱい:quantity
まち:place の あかり:thing が きれい:quality だ
むら:place の まつり:event に さんか:event した
こうえん:place の べんち:furniture で やすむ:rest
どうぶつえん:place で ぱんだ:animal を みた:see
すいぞくかん:place で いるか:fish を みた:see
ゆうえんち:place で かんらんしゃ:vehicle に のった:move
はくぶつかん:building で きょうりゅう:animal を みた:see
じんじゃ:building で おまいり:event を する
おてら:building の かね:thing が なる:make
おしろ:building の まわり:place を あるく:move
たくしー:vehicle を よんで:say ください:give
ちかてつ:vehicle に のりかえる:move
しんかんせん:vehicle は はやい:speed
とらっく:vehicle が にもつ:thing を はこぶ:give
ばいく:vehicle の おと:thing が うるさい:quality
くるま:vehicle を あらって:make きれいに:quality した
きっぷ:thing を なくして:forget しまった
ていきけん:thing を みせる:see
うんてんしゅ:job に みち:place を きく:hear
こうこうせい:person の あに:family が いる:exist
だいがくせい:person に なったら ひとりぐらし:event したい
しゃちょう:job が かいぎ:event に おくれた:move
てんいん:job が えがお:body で むかえた:meet
りょうりにん:job が すし:food を にぎる:make
ぱいろっと:job に なる:become のが ゆめ:thing だ
がか:job が やま:nature の え:thing を かく:make
さっか:job が あたらしい:quality ほん:thing を だした:give
かしゅ:job が すてーじ:place で うたう:make
のうか:job が こめ:food を つくる:make
ぎょし:job が うみ:nature に でる:move
しけん:event に ごうかく:event して うれしい:feeling
しゅくだい:event を わすれて:forget おこられた:say
さくぶん:thing を かいて:make だした:give
かんじ:thing を おぼえる:study のは たいへん:quality だ
えいご:thing を まいにち:time べんきょう:study する
さんすう:thing の もんだい:thing が とけた:make
れきし:thing の はなし:thing は おもしろい:feeling
りか:thing の じっけん:event を した
おんがく:music の じゅぎょう:event で うたった:make
たいいく:sport で なわとび:sport を する
そつぎょうしき:event で ないて:say しまった
にゅうがくしき:event は さくら:plant の ころ:time だ
うんどうかい:event で いちい:number に なった:become
たんじょうび:event に はな:plant を もらった:give
けっこんしき:event に よばれた:say
おしょうがつ:event に もち:food を たべる:eat
なつまつり:event で はなび:event を みた:see
くりすます:event に けーき:sweets を かう:give
ひなまつり:event に にんぎょう:thing を かざる:put
おぼん:event に いなか:place へ かえる:move
はなみ:event で おべんとう:food を ひろげた:put
つきみ:event に だんご:sweets を そなえる:put
いっしょに ひるごはん:food を たべよう:eat
すこし やすんで:rest から いこう:move
もう すぐ ばす:vehicle が くる:move
はやく:speed しないと おくれる:move
ゆっくり:speed はなして:say ください:give
もう いちど:number いって:say ください:give
ちょっと まって:rest ください:give
どうぞ あがって:move ください:give
おさき:time に しつれいします:say
いってきます:move
ただいま:time かえりました:move
おかえりなさい:move
いただきます:eat
ごちそうさまでした:food
おやすみなさい:rest
ありがとう:say ございます
すみません:say みち:place を おしえて:say ください:give
はじめまして:meet よろしく おねがいします:say
おげんき:feeling です か
おかげさまで げんき:feeling です
さむい:temperature ので まど:furniture を しめた:handle
あつい:temperature から あいす:sweets を たべよう:eat
ねむい:feeling ので もう ねる:rest
つかれた:feeling から すわりたい:rest
のど:body が かわいた:feeling
おなか:body が いっぱい:quantity です
うれしくて:feeling とびあがった:move
かなしい:feeling えいが:event を みた:see
さびしい:feeling ので でんわ:thing した
たのしい:feeling いちにち:time だった
こわい:feeling ゆめ:thing を みた:see
はずかしくて:feeling かお:body が あかく:hue なった
この かばん:tool は おもい:quality
その はこ:thing は かるい:quality
あの ひも:thing は ながい:size
この えんぴつ:stationery は みじかい:size
その みち:place は せまい:size
この へや:room は ひろい:size
あの たてもの:building は たかい:size
この つくえ:furniture は ひくい:size
`;
