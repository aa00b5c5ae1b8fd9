import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "intro-numbers",
    kind: "choice",
    multiple: false,
    prompt:
      "A network is going to look at a black-and-white photo. In what form does the photo reach it?",
    hints: ["A network is a function: what is the only thing a function like this can take in?"],
    options: [
      { id: "pixels", text: "As a long list of numbers, one brightness value per pixel" },
      { id: "look", text: "As a picture, which the network looks at the way a person does" },
      { id: "caption", text: "As a written description of the photo that someone typed in" },
      { id: "one-number", text: "As one single number that stands for the whole photo" },
    ],
    correct: ["pixels"],
    explanation:
      "A network only works with numbers, so the photo is turned into one number per pixel, saying how bright it is (a colour photo uses three per pixel: red, green and blue). A single number could not hold the whole picture, and nobody has to describe the photo in words: the network works directly on the pixel values.",
  },
  {
    id: "intro-find-weight",
    kind: "numeric",
    prompt:
      "A bike-rental shop's prices follow a function with one knob: price = w × hours. Renting for 3 hours costs 12 euros. Which value of the knob w makes the function give the right price?",
    hints: ["You need a number that, multiplied by 3, gives 12."],
    answer: 4,
    tolerance: 0.01,
    unit: "€ per hour",
    explanation:
      "w × 3 = 12, so w = 12 ÷ 3 = 4 euros per hour. You just did, in one line, what learning means for a network: finding the value of an adjustable number that makes the function's outputs match the examples. A network has millions of such numbers, so instead of solving for them directly it nudges them step by step.",
  },
  {
    id: "intro-big-picture",
    kind: "choice",
    multiple: true,
    prompt:
      "Which of these statements match how this course describes neural networks? Choose all that apply.",
    hints: [
      "Think back to the knobs: who sets them, and how?",
      "The course names two kinds of maths that happen inside a network.",
    ],
    options: [
      { id: "function", text: "A network is a function: numbers go in and numbers come out." },
      {
        id: "learning",
        text: "Learning means adjusting the network's numbers until its outputs are useful.",
      },
      {
        id: "maths",
        text: "Inside, it is mostly multiplying and adding, plus slopes to decide which way to adjust.",
      },
      {
        id: "brain",
        text: "A network is a small copy of a brain, so it understands what it sees as we do.",
      },
      { id: "rules", text: "A programmer types in every rule the network follows, one by one." },
    ],
    correct: ["function", "learning", "maths"],
    explanation:
      "A neural network is one big adjustable function, and learning is the careful tuning of its numbers (its weights and biases) from examples, not rules typed in by a programmer. The brain comparison is only a loose inspiration: what really happens inside is arithmetic, multiplying and adding, together with slopes that tell the network which way to turn each number.",
  },
]);
