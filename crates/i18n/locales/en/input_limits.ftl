# Limits on what any request may carry (control characters, image sizes, concurrent work).

input-control-characters = The input contains a control character (such as NUL) that cannot be displayed. Please remove it and try again.
upload-image-too-many-pixels = The image has too many pixels ({ $width }×{ $height }). Please choose an image of at most { $max_megapixels } megapixels and at most { $max_side } pixels on each side.
