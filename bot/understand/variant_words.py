"""The words that name each variant of a procedure family (first request, renewal, loss, a minor, a
duplicate, a foreign document, a new vehicle, a change of owner), in French, MSA and Darija in both
scripts, written in any spelling: they are matched on normalised text (``normalize``), "|" between words.
"""

from __future__ import annotations

from bot.knowledge.schema import Variant

_WORDS: dict[Variant, str] = {
    "first": """
        passer le permis de conduire | passer mon permis de conduire | passer son permis de conduire |
        avoir le permis de conduire | obtenir le permis de conduire | obtenir mon permis de conduire |
        ndouz | ndowez | nedouz | ندوز |
        premiere fois | premiere demande | pour la premiere | jamais eu | nouvelle demande | obtenir pour la |
        awel merra | awal merra | lawla | l'awla | 3mmri ma | 3emmri ma | ma 3mmri | أول مرة | لأول مرة |
        اول مره | لاول مره | عمري ما | ما عمري | ماعمري | أول بطاقة | اول باسبور | premier | premiere | 1er |
        1ere | awel | awal | lwl | lowel | lawel | أول | اول | الأول | auto ecole | auto-ecole | lauto ecole |
        lotoecole | لوطو إيكول | فلوطو إيكول | مدرسة تعليم السياقة | ndouz lpermi | ندوز البيرمي |
        ma3ndich | ma 3ndich | ma3andich | ماعنديش | ما عنديش | je n'ai pas de | je n'ai pas encore de | ليس لدي |
        لا أملك | لم يسبق | لم يسبق لي
    """,
    "renewal": """
        renouveler | renouvellement | renouvele | expire | expiree | perime | perimee | date depassee |
        fatto la date | fat la date | salat | sala | njdded | nejdded | tjdid | jdded | njeded | n3awed |
        تجديد | جدد | نجدد | أجدد | اجدد | سالات | سالا | فاتو الدات | فاتت الداطة | فاتت الداطه |
        فاتت الدات | فاتها الداطة | فاتتها الداطة | fatet la date | fatet ddate | fat ddate | fatt la date |
        a expire | expired | nejjded | njjded | nejded | tjedded | nrenouveler | nrenouvli | nrinouvli |
        منتهية | انتهت صلاحيتها | انتهت |
        jedded | tjdded | ytjdded | تجدد | يتجدد | تتجدد | t3awed | kat3awed | kan3awed | n3awdo |
        renouvelle | renouvelles | renouvellent | renouvellera | renouvelee | expiration | expirer | expirera |
        nrenouvler | nrenouvlé | nrenouveli | nrenouvlih | n3awd | n3wd | 3awdt | 3awedt | kan3awd |
        fatet lih | fatet liha | fatet lia | fat lih | fat liha | fatt lih
    """,
    "lost": """
        tsre9at | tsre9et | tsra9at | tsr9et | tsre9li | tsre9 lia | tsre9at lia | sr9ouh | sr9ouha | sr9oh |
        sr9o lia | tsreqat | tsraqat | disparu | disparue | trouve plus | retrouve plus | ضائع | ضائعة | مفقود |
        مفقودة | سرق | سرقوليا | سرقولي | تسرقت | تسرق ليا | فقدته | فقدتها | ضاع مني | ضاعت مني |
        perdu | perdue | perte | vole | volee | vol | egare | egaree | tlf | tlfat | tlfli | tlef | ttlfat |
        dya3 | da3 | da3t | tsre9 | tsr9 | sr9oli | ضاع | ضاعت | ضاعلي | ضاعت ليا | ضايع | ضايعة | ضايعه |
        daye3 | daya3 | da3ya | تلف | تلفت | تلفات | ضياع | فقدان | سرقة | سرقو | تسرق | تسرقات | مسروق |
        فقدت | سرقت | مسروقة | tsra9 | tsr9at | tsra9 lia | ضيعت | tlefli | tlfatli | tlfat lia | tlef lia |
        ttelfat | da3li | da3 lia | da3at | da3et | ضاع ليا | ضاعو | تلف ليا | تلفت ليا | تلفات ليا |
        dya3t | dy3t | diya3t | dayya3t | dyya3t | dya3tha | dya3to | ضيعتها | ضيعتو | egare | j' ai egare |
        wddrt | wedert | wdert | wdrt | wddert | ودرت | ودرتها | ودرتو | introuvable |
        ma l9itch | ml9itch | مالقيتش | ما لقيتش | مالقيتهاش | ma l9ithach | perdus | tsr9at lia | sr9oha |
        سرقوها | سرقوه | سرقو ليا |
        twedrat | twdrat | tweddrat | twedder | تودر | تودرات
    """,
    # A child, however named: diminutives, plurals, the baby (issue 14), in every script.
    "minor": """
        lweldi | lwldi | lbnti | lbinti | lbenti |
        mon fils | ma fille | mon enfant | mes enfants | enfant | mineur | mineure | bebe | wldi | bnti |
        weldi | binti | drari | sghir | sghira | ولدي | بنتي | ولادي | قاصر | طفل | طفلي | ابني | ابنتي |
        الصغير | صغير | لابني | لابنتي | لولدي | لبنتي | لوليدي | qasir | 9asir | mon petit | ma petite |
        mon gamin | ma gamine | mon fiston | un enfant | les enfants | mon nourrisson | mon nouveau ne |
        un mineur | les mineurs | wlidi | lwlidi | wladi | lwlad | wlad | bniti | bnati | dderri | derri |
        tfel | tfla | وليدي | بنيتي | بناتي | الدراري | دراري | الدري | اطفالي | اطفال | الاطفال | ابنائي |
        القاصر | قاصرين | القاصرين | طفلتي | الطفل | رضيع | الرضيع
    """,
    "duplicate": """
        t9te3 | tqte3 | t9te3at | mqatta3 | m9atta3 | m9ett3a | mqett3a | khasra | mkhesra | tkhesret | tkhsrat |
        مخسرة | مخسر | خاسرة | ممزق | ممزقة | تالف | تالفة | endommage | endommagee |
        duplicata | deteriore | deterioree | abime | abimee | dechire | dechiree | tqatt3at | t9tt3at | نظير |
        مقطعة | تقطعات | تقطع | تقطعت | مقطوع | tqatt3 | t9atte3 | تخسرات | cassee | mkessra | mkasra |
        mhersa | mherrsa | thersat | therrsat | ttherrsat | مكسرة | مهرسة | تهرسات | تهرست | brulee | t7r9at |
        t7ar9at | تحرقات | محروقة | تكسرات | تكسرت | tkessrat | tkssrat | tkasrat | tkesrat | mkhsra | mkhssra |
        mkhasra | mkhesra
    """,
    "foreign": """
        etranger | etrangere | italien | espagnol | francais | belge | europeen | mn barra | men lkharij |
        أجنبي | أجنبية | الخارج | اجنبي | lkharij | dyal lkharij | echange | echanger | تبديل | استبدال |
        إيطالية | اسبانية | فرنسية
    """,
    "new_vehicle": """
        neuve | neuf | concessionnaire | jdida | jdid | جديدة | جديد | الوكيل | الجديده | الجديد | الجديدة |
        nouvelle voiture | voiture neuve
    """,
    "transfer": """
        نبيع | nbi3 | nbie3 | بعتها | bi3tha | je vends | vends |
        mutation | changement de proprietaire | achete | acheter une voiture d'occasion | occasion | vendu |
        vendre | mettre a mon nom | a mon nom | chrit | chrina | ba3 | bi3 | bghit nbi3 | سميتي | باسمي |
        شريت | بعت | بيع | نقل الملكية | تغيير المالك |
        نقل ملكية | مستعملة | مستعمل | mosta3mla | mosta3mel |
        نبدل المول | نبدلو المول | بدلت المول | تبديل المول | المول الجديد | nbddel lmoul | nbeddel lmoul |
        nbdel lmoul | lmoul jdid | mol jdid | changer de proprietaire | changer le proprietaire |
        المطاسيون | لمطاسيون | مطاسيون | lmotasyon | motasyon | lmutation
    """,
}
# Spellings added from the follow-up conversations (issue 14, session 5): the first card ("الأولى"),
# a learner's licence, gone ("mdi3", "X dyali mchat"), a duplicata in Darija script.
_MORE: dict[Variant, str] = {
    "first": """
        الأولى | الاولى | اولى | أولى | passer le permis b | passer mon permis b | ndouz lpermis | ndouz permis |
        ndewwez | ndowz | ndwez | نداوز | نجوز البيرمي | lwla | lowla | lwala
    """,
    # ... and the card about to run out ("ghadi tsali", "غادي تسالي", "va expirer"): its renewal.
    "renewal": """
        tajdid | ttajdid | ysali | tsali | ysala | tsala | ghaysali | ghatsali | يسالي | تسالي | غايسالي |
        غاتسالي | قربات تسالي | va expirer | expire bientot | bientot expire |
        plus valide | plus valable | منتهي | منتهي الصلاحيه | انتهت صلاحيته | انتهت مدته | انتهت مدتها |
        tsalat | tsalaat | salit | dayza 3liha lmodda | daza 3liha lmodda | fatet lmodda | fat lmodda |
        fatet lwa9t | fat lwa9t | fatha lwa9t | fatha lmodda |
        l9dim | l9dima | lqdim | lqdima | القديم | القديمه | mon ancien | mon ancienne | ancien passeport |
        ancienne carte | mab9ach sal7 | mabqach sala7 | ma b9ach sal7 | mab9atch sal7a | ma b9atch sal7a |
        مابقاش صالح | ما بقاش صالح | مابقاتش صالحه | ما بقاتش صالحه | changement d' adresse | changer l' adresse |
        changer mon adresse | bdlt l3onwan | bddelt l3onwan | بدلت العنوان | تغيير العنوان |
        arrive a echeance | arrivee a echeance | arrive a expiration | arrivee a expiration | validite est depassee |
        validite depassee
    """,
    "lost": """
        mdi3 | mdiy3 | mdiya3 | mdi3a | mdia3 | mdeya3 | ddi3t | di3t | diya3t | dayya3t | مضيع | مضيعة | ضيعتو |
        ضيعتها | ضيعت | dyali mcha | dyali mchat | dyali mchaw | mcha lia | mchat lia | mcha mni | mchat mni |
        ديالي مشا | ديالي مشات | مشا ليا | مشات ليا | مشات مني |
        ta7t lia | t7at lia | ta7t mni | ta7et lia | tay7a | tayha | طاحت ليا | طاحت مني | طاح ليا | طايحه |
        voler | fait voler | vols | voles | volees | je l' ai plus | je ne l' ai plus | je l' ai perdu | introuvable
    """,
    "duplicate": """
        الدوبليكاتا | دوبليكاتا | doublicata | dublicata | duplikata | tgetta3 | tgatta3 | tgte3 | mgetta3 |
        mgett3a | mgatta3 | tqetta3 | t9etta3 | illisible | illisibles | effacee | efface | mouillee | dechire |
        تفسدات | تفسدت | فاسده | مفسده | tfsdat | tfssdat | mfsda | mfesda | tmze9 | tmzze9 | tmez9at | mmze9 | mmzz9a |
        تمزق | تمزقت | تمزقات | ممزقه
    """,
    # A nationality said of the document (session 6): "permis fransawi", "البيرمي السبانيولي".
    "foreign": """
        fransawi | fransawiya | fransawia | sbanyoli | sbanyolia | sbanyoliya | talyani | talyaniya | beljiki |
        almani | allemand | allemande | espagnole | italienne | canadien | americain | hollandais |
        فرنساوي | فرنساوية | سبانيولي | سبانيولية | طالياني | طاليانية | اسباني | ايطالي | بلجيكي | الماني |
        هولندي | كندي | امريكي
    """,
}
VARIANT_CUES: dict[Variant, list[str]] = {
    variant: [" ".join(w.split()) for w in f"{words}|{_MORE.get(variant, '')}".split("|") if w.strip()]
    for variant, words in _WORDS.items()
}
