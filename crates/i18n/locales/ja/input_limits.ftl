# Limits on what any request may carry (control characters, image sizes, concurrent work).

input-control-characters = 入力に制御文字（NUL など、画面に表示できない文字）が含まれています。その文字を取り除いてから、もう一度お試しください。
upload-image-too-many-pixels = 画像の画素数が多すぎます（{ $width }×{ $height }）。{ $max_megapixels }メガピクセル以内、縦横それぞれ{ $max_side }ピクセル以内の画像を選んでください。
