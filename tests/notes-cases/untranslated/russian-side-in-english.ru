Новый телефон

Компания представила новую модель телефона на выставке в Берлине.
The new model has a larger screen and a better camera than the old one.
Продажи начнутся в следующем месяце.
