/**
 * About 1,450 of the passwords people choose most often, lowercase, roughly most common first:
 * the top of the big public breach lists (English-speaking sites and the CSDN/Tianya leaks), the
 * pinyin and number words Chinese users favour (woaini1314, 5201314), keyboard rows, and the
 * everyday words those lists are built from. Written by hand for this project, not downloaded.
 * The policy also strips leading and trailing digits and symbols and undoes l33t substitutions
 * before looking a password up, so `dragon` here also refuses `Dr@gon2024!`.
 */
const WORDS = String.raw`
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx
7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley
batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233
george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753
aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees
987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring montana moon moscow william
corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony
justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog
guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon
cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple
hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701
coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver
redsox player nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel
flower rabbit wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine
winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf
asdfasdf crystal 87654321 12344321 golden 8675309 panther lauren angela bitch spanky thx1138 angels madison
winston shannon mike toyota blowjob jordan23 canada sophie apples dick tiger razz 123abc pokemon qazxsw 55555
qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle 159357 jackie 1990 123456a 789456 turtle
horny abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot qwerty123 booger asdf 1991
black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins butthead asdfghjkl
1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain tucker
blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz
nirvana jeremy suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain 444444
xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead alex bond007 alexis
1111111 samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121
creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy gordon
legend jessie stella qwert eminem arthur apple nissan bullshit bear america 1qazxsw2 nothing parker 4444
rebecca qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344 magic apollo
skippy 315475 girls kitten golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993
1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness blink182 power fish green
789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007 walter playboy
blazer cricket sniper hooters donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams
tits nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november minecraft
asdf1234 lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313
dickhead family 12121212 school louise gabriel eclipse fluffy 147258369 lol123 qwe123 vagina hunting
1234qwerty yankee zxcvb dragons letmein1 sexy sunflower password123 freedom1 welcome1 iloveyou1 princess1
monkey1 football1 baseball1 charlie1 shadow1 michael1 superman1 qwerty1 abc12345 aa123456 1234abcd qwe123456
zaq12wsx trustme admin administrator root toor guest user default changeme letmein123 login passport pass123
pass1234 test123 test1234 temp temp123 system manager service support secret123 master123 hello123 welcome123
admin123 admin1234 root123 qwerty12 qwerty1234 1qaz 2wsx 3edc zaq1 zaq1zaq1 1qaz1qaz 2wsx3edc qazwsx123 qweasd
qweasdzxc asdzxc zxcasdqwe zxc123 asd123 qaz123 wsx123 123asd 123zxc 1q2w3e 1q2w3e4r5t6y q1w2e3r4t5y6 qwert123
asdfg zxcvbnm123 poiuytrewq mnbvcxz lkjhgfdsa 0987654321 9876543210 123456789a a123456789 a12345678 a1234567
a123456 a12345 123456abc abc123456 abcd123 abc1234 123abc456 1a2b3c 1a2b3c4d a1b2c3 a1b2c3d4 aa123 aaa111
aaaaaaaa qqqqqqqq 111111111 1111111111 00000000 000000000 0000000000 12345678910 22222222 66666666 99999999
77777777 55555555 33333333 44444444 123123123123 112233445566 123456654321 123321123 147258 147852 147852369
159753456 258456 369258147 741852963 963852741 123654789 789654123 147896325 321654987 456123 456789 654321a
520520 5201314 1314520 52013145201314 woaini woaini1314 woaini520 woaini123 aini1314 iloveyou1314 1314 521
5211314 woaiwojia wodemima mima mima123 nihao nihao123 caonima zhongguo beijing shanghai guangzhou shenzhen
tianjin chengdu wuhan hangzhou nanjing xiamen tianshi xiaoxiao haha hahaha hehe baobao laopo laogong meinv
shuaige xiaoming xiaohong wangwei zhangwei liwei wangfang liuyang zhangmin lijing wangjing liuwei zhangjing
wangli zhangli liming wangyang zhangyong lijun huangwei chenjie chenjing yangyang wangjun lilei hanmeimei
zhangsan lisi wangwu dearbook xiazhili qq123456 qq123 qqq111 qq5201314 520131 31415926 3141592653 110110
110120 119119 1234560 12345600 1233211234567 666888 888666 168168 518518 8888 6666 9999 5555 8888888 6666666
9999999 168888 198888 woshishui woshiniba wocao sb123456 tamade nimabi shabi zhuzhu gougou maomao doudou
beibei bingbing dandan lele tingting yuanyuan xiaobai xiaohei huahua hongkong taiwan shenjing jiayou kuaile
xingfu pingan fuqi aiqing princess123 iloveyou2 sweety sweetie honey honeybunny cutie cutiepie babyboy angel1
angel123 lovely loveyou lovelove 143143 iloveu ilovehim iloveher mylove myheart mybaby babe baby baby123
kisses hugs forever21 friends bestfriend bff family1 mommy daddy mama papa sister brother nana nanny grandma
grandpa qwerty7 qwerty11 qwerty22 asdf123 zxcv1234 asdfgh123 q1w2e3r4t5y6u7i8o9p0 1q2w3e4r5t6y7u8i9o0p
1qazxsw23edc 1qaz@wsx 1qaz!qaz !qaz2wsx !qaz@wsx p@ssw0rd p@ssword pa55word passw0rd1 passwort pas$word
password! password1! password12 password1234 password2 password01 pass@123 pass@1234 admin@123 admin@1234
welcome@123 test@123 abc@123 qwerty@123 india@123 india123 pakistan123 bangladesh nepal srilanka dragon123
dragon1 monkey123 shadow123 master1 killer123 hunter2 hunter1 soccer1 hockey1 batman1 batman123 tigger1
sunshine1 jordan1 jordan123 michael123 jennifer1 jessica1 ashley1 nicole1 daniel1 andrew1 joshua1 thomas1
robert1 matthew1 anthony1 hannah1 summer1 secret1 cookie1 orange1 purple1 yellow1 silver1 golden1 diamond1
pepper1 ginger1 maggie1 buster1 bailey1 sparky1 snoopy1 tigers1 eagles1 yankees1 lakers1 cowboys1 steelers1
packers1 chelsea1 arsenal1 liverpool1 barcelona realmadrid juventus manutd manchester chelsea123 arsenal123
messi ronaldo neymar cristiano beckham kobe lebron jordan2 michaeljordan starwars1 pokemon1 pokemon123 naruto
sasuke goku dragonball onepiece luffy zelda mario sonic halo gameboy playstation xbox xbox360 nintendo1
minecraft1 fortnite roblox warcraft starcraft diablo2 counter counterstrike steam valve gamer gaming computer1
internet1 windows linux ubuntu apple123 iphone android samsung1 google yahoo hotmail gmail facebook twitter
myspace youtube instagram tiktok wechat weixin weibo alibaba taobao tencent baidu huawei xiaomi lenovo
superstar rockstar popstar superman2 spiderman ironman batman2 hulk thor avengers marvel wolverine deadpool
joker harleyquinn darthvader yoda jedi skywalker vader chewbacca stormtrooper hobbit frodo gandalf1 legolas
aragorn voldemort hogwarts harrypotter hermione potter january february march april may june july august1
september october november1 december1 monday tuesday wednesday thursday friday saturday sunday spring autumn
winter1 sunrise sunset morning evening tonight today tomorrow yesterday red orange2 yellow2 green1 blue1
purple2 pink black1 white brown grey gray violet indigo scarlet crimson silver2 gold golden2 lion tiger1 bear1
wolf fox eagle hawk falcon1 raven crow dove cat kitty kitten1 puppy doggy doggie dog dogs cats horse horses
pony unicorn dragonfly butterfly ladybug bunny rabbit1 turtle1 dolphin1 shark whale penguin panda koala
monkey2 gorilla elephant1 giraffe zebra leopard cheetah jaguar1 cougar panther1 snake cobra viper python
cherry banana1 apple1 orange3 lemon lime mango peach strawberry blueberry raspberry grape pineapple coconut
watermelon chocolate candy cookies cupcake muffin1 pancake waffle cheese1 pizza burger hotdog1 bacon chicken1
turkey icecream sugar honey1 caramel vanilla cinnamon pepper2 ginger2 coffee1 tea beer vodka whiskey tequila
soccer2 football2 basketball baseball2 hockey2 tennis1 golf1 volleyball softball cheer cheerleader dance
dancer ballet music musician guitar1 piano drums singer rocknroll metal punk rapper hiphop jazz blues heaven1
hell angel2 devil demon god jesus jesus1 christ church faith hope grace blessed blessing trinity1 bible prayer
amen lord saviour savior holy spirit america1 usa canada1 mexico brazil england london1 paris france germany
berlin italy rome spain madrid russia moscow1 china japan tokyo korea seoul india australia sydney1 melbourne
newzealand africa egypt dubai singapore malaysia thailand vietnam philippines indonesia california texas
florida1 newyork1 chicago1 boston1 dallas1 houston atlanta miami vegas seattle denver phoenix1 detroit
mustang1 corvette1 ferrari1 porsche1 mercedes1 bmw audi toyota1 honda nissan1 mazda subaru ford chevy
chevrolet dodge jeep harley1 yamaha1 ducati kawasaki suzuki qwerty12345 qwerty123456 asdfghjkl123 zxcvbnm1
1qaz2wsx3edc 1qaz2wsx3edc4rfv qazwsxedcrfv qwer qwert1 asdfg1 zxcvb1 poiuy lkjhg mnbvc ytrewq trewq 123qweasd
123qweasdzxc qweasd123 qweasdzxc123 1qa2ws3ed azerty123 azertyuiop qwertz qwertzuiop abcdefg abcdefgh
abcdefghi abcdefghij abcdef1 abcde abcd abc hello1 hello2 hellokitty helloworld hiya hithere goodbye goodluck
goodday goodboy goodgirl badgirl bad bad1 naughty nasty sexy1 sexylady sexyboy hottie hotstuff handsome
beautiful pretty gorgeous princesa prinses principessa fuckyou fuckoff fuck fucker fucking fuckme shit asshole
bastard damn dammit whatever1 nothing1 something anything everything nobody somebody someone mylife life
lifeisgood happiness happy1 smile smiley funny crazy lucky1 lucky7 magic1 mystery secret2 private1 personal
unknown hidden invisible ghost phantom1 shadow2 darkness1 darkside light matrix1 neo trinity2 morpheus zion
hacker hacking h4x0r cyber security firewall network server database oracle mysql java javascript python1
coding coder programmer developer qwerty99 asd 1234asdf asdf12 z1x2c3v4 z1x2c3 1z2x3c 1z2x3c4v 741852 852456
753951 951753 159357456 789789 456456 123123a 112233a aa112233 aaa123 abc111 qwe111
`

/** The list as a set, for exact look-ups. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean))
